namespace Sn19.Tests.TestSupport;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>A quiet, slim ASP.NET Core app on a free loopback port: the base of the tests' stand-in servers (a Subtensor
/// node replay, vLLM, Seq). Map routes, start it, then read its address from <c>Urls</c>.</summary>
internal static class LoopbackWebApp
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.Build();
    }
}
