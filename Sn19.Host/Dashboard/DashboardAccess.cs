namespace Sn19.Host.Dashboard;

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Sn19.Host.Admin;

/// <summary>
/// Who may read the dashboard: anyone who can reach it on loopback (only this machine's users can); bound to any
/// other address, only a holder of the token, shown as <c>Authorization: Bearer TOKEN</c> (a scraper) or once as
/// <c>?token=TOKEN</c> (a browser), which the answer keeps in an HttpOnly cookie for the page's own requests.
/// </summary>
internal sealed class DashboardAccess(string host, string token)
{
    public const string CookieName = "sn19_dashboard";

    /// <summary>True when the page is open without a token.</summary>
    public bool IsOpen { get; } = IsLoopback(host);

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (IsOpen || BearerToken.IsValid(context.Request.Headers.Authorization, token) || Matches(context.Request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }

        if (Matches(context.Request.Query["token"]))
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsync(
            "This dashboard is served off loopback and needs its token: open it once as /?token=TOKEN, or send " +
            "'Authorization: Bearer TOKEN' (dashboard.token, or the admin token when that is empty).\n");
    }

    private bool Matches(string? presented) =>
        !string.IsNullOrEmpty(presented) && token.Length > 0
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
