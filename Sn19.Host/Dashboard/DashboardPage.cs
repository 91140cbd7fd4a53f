namespace Sn19.Host.Dashboard;

using Microsoft.AspNetCore.Http;

/// <summary>The page's three files, read once from the binary's embedded resources (Dashboard/Page), so the
/// dashboard needs nothing on disk and nothing from the internet.</summary>
internal sealed record DashboardPage(IResult Html, IResult Script, IResult Style)
{
    public static DashboardPage Load() => new(
        Resource("dashboard.html", "text/html; charset=utf-8"),
        Resource("dashboard.js", "text/javascript; charset=utf-8"),
        Resource("dashboard.css", "text/css; charset=utf-8"));

    private static IResult Resource(string name, string contentType)
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("Sn19.Dashboard." + name)
            ?? throw new InvalidOperationException($"the dashboard's {name} is missing from the binary (Sn19.Host.csproj embeds Dashboard/Page/*)");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Results.Bytes(memory.ToArray(), contentType);
    }
}
