namespace Sn19.Host.Hosting;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sn19.Host.Configuration;

/// <summary>What the admin API and the organic API do alike to listen on host:port with Kestrel: a slim builder
/// without ASP.NET's own logging, and a start that turns a taken port into a configuration error naming the key.</summary>
internal static class KestrelStart
{
    public static WebApplicationBuilder Builder(string host, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://{Bracketed(host)}:{port}");
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>Starts <paramref name="app"/> and returns its bound address (e.g. http://127.0.0.1:40123); disposes it on failure.</summary>
    /// <exception cref="ConfigurationException">the port is taken (<paramref name="portKey"/> names the setting).</exception>
    public static async Task<string> StartAsync(WebApplication app, string host, int port, string portKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException inUse)
        {
            await app.DisposeAsync();
            throw new ConfigurationException($"cannot listen on {Bracketed(host)}:{port}: {inUse.Message}", null, null, portKey, inUse);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"the server for {portKey} has no bound address");
    }

    /// <summary>
    /// Starts a server on its configured port; when that port is taken and the node need not serve exactly there
    /// (<paramref name="required"/> false: a local subnet next to another process on the usual port), on a free one
    /// instead, saying so. <paramref name="start"/> is given the port to use.
    /// </summary>
    public static async Task<T> OnPortOrAnyAsync<T>(
        Func<int, Task<T>> start, int port, string portKey, string what, bool required, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            return await start(port);
        }
        catch (ConfigurationException error) when (!required && error.Key == portKey && port != 0)
        {
            await output.WriteLineAsync($"{what} port is taken ({error.Detail}); using a free one.");
            return await start(0);
        }
    }

    private static string Bracketed(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
