namespace Sn19.Tests.Host.Dashboard;

using Microsoft.AspNetCore.Http;
using Sn19.Host.Dashboard;

/// <summary>Who may read the dashboard: anyone on loopback; off loopback, the token's holder (header, cookie, or once in the URL).</summary>
public sealed class DashboardAccessTests
{
    private const string Token = "s3cret-token";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public async Task Loopback_NeedsNoToken(string host) => Assert.True(await PassesAsync(new DashboardAccess(host, Token), _ => { }));

    [Fact]
    public async Task OffLoopback_WithoutToken_Is401AndSaysHow()
    {
        var context = Context(_ => { });
        var reached = false;
        await new DashboardAccess("10.0.0.5", Token).InvokeAsync(context, _ => { reached = true; return Task.CompletedTask; });
        Assert.False(reached);
        Assert.Equal(401, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains("?token=TOKEN", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffLoopback_WithBearer_Passes() =>
        Assert.True(await PassesAsync(new DashboardAccess("0.0.0.0", Token), r => r.Headers.Authorization = "Bearer " + Token));

    [Fact]
    public async Task OffLoopback_WithWrongBearer_Is401() =>
        Assert.False(await PassesAsync(new DashboardAccess("0.0.0.0", Token), r => r.Headers.Authorization = "Bearer wrong"));

    [Fact]
    public async Task OffLoopback_WithTokenInUrl_PassesAndKeepsItInAnHttpOnlyCookie()
    {
        var context = Context(r => r.QueryString = new QueryString("?token=" + Token));
        var reached = false;
        await new DashboardAccess("0.0.0.0", Token).InvokeAsync(context, _ => { reached = true; return Task.CompletedTask; });
        Assert.True(reached);
        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith($"{DashboardAccess.CookieName}={Token}", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OffLoopback_WithCookie_Passes() =>
        Assert.True(await PassesAsync(new DashboardAccess("0.0.0.0", Token), r => r.Headers.Cookie = $"{DashboardAccess.CookieName}={Token}"));

    [Fact]
    public async Task OffLoopback_WithEmptyToken_LetsNobodyIn() =>
        Assert.False(await PassesAsync(new DashboardAccess("0.0.0.0", ""), r => r.Headers.Authorization = "Bearer "));

    private static async Task<bool> PassesAsync(DashboardAccess access, Action<HttpRequest> request)
    {
        var reached = false;
        await access.InvokeAsync(Context(request), _ => { reached = true; return Task.CompletedTask; });
        return reached;
    }

    private static DefaultHttpContext Context(Action<HttpRequest> request)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        request(context.Request);
        return context;
    }
}
