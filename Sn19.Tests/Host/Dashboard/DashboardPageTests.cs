namespace Sn19.Tests.Host.Dashboard;

using System.Text.Json;
using Microsoft.Playwright;
using Sn19.Tests.TestSupport;

/// <summary>
/// The dashboard of a running `sn19 local`, opened in Debian's Chromium through Playwright: the leaderboard of each
/// task and its volume-vs-speed plot show exactly the miners the validator scored, a miner's page draws its history,
/// and a screenshot of each page is kept in TestResults/dashboard.
/// </summary>
[Collection(DashboardLocalCollection.Name)]
public sealed class DashboardPageTests(DashboardLocalFixture local)
{
    /// <summary>Debian's Chromium (apt package chromium; .ci/run installs it). Playwright's own browser downloads are not used.</summary>
    private const string Chromium = "/usr/bin/chromium";

    private static string Screenshots => Path.Combine(TestPaths.RepositoryRoot, "TestResults", "dashboard");

    [Fact]
    public async Task Page_InChromium_ShowsEachTasksLeaderboardAndPlotWithTheScoredMiners()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (apt-get install chromium)");
        var scored = await ScoredMinersAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // No calls home: this machine's network is closed, and a test has no business outside loopback.
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1000 } });
        await page.GotoAsync(local.Dashboard + "/");

        foreach (var (task, hotkeys) in scored)
        {
            var rows = page.Locator($"table[data-leaderboard='{task}'] tbody tr");
            await rows.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            var listed = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.hotkey)");
            var plotted = await page.Locator($"svg[data-plot='scatter'][data-task='{task}'] circle[data-hotkey]")
                .EvaluateAllAsync<string[]>("points => points.map(p => p.dataset.hotkey)");
            Assert.Equal(hotkeys, listed.Order(StringComparer.Ordinal));
            Assert.Equal(hotkeys, plotted.Order(StringComparer.Ordinal));
        }

        Assert.True(await page.Locator("table[data-rounds] tbody tr").CountAsync() >= 1);
        Assert.True(await page.Locator("table[data-yuma] tbody tr").CountAsync() >= scored.Values.First().Count);
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "overview.png"), FullPage = true });

        // A miner's page: reached from its row, it draws its period scores over time and lists its periods.
        var first = scored.Values.First()[0];
        await page.Locator($"tr[data-hotkey='{first}'] a").First.ClickAsync();
        await page.Locator($"table[data-history='{first}'] tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.EndsWith($"/miners/{first}", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("svg[data-plot='score'] path, svg[data-plot='score'] circle").CountAsync() > 0, "the period score chart has no line");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "miner.png"), FullPage = true });
    }

    /// <summary>Per task, the hotkeys of the contenders with a closed period, as `sn19 ctl contenders` lists them.</summary>
    private async Task<Dictionary<string, List<string>>> ScoredMinersAsync()
    {
        using var contenders = JsonDocument.Parse(await local.CtlAsync("contenders", "--json"));
        return contenders.RootElement.GetProperty("contenders").EnumerateArray()
            .Where(c => c.GetProperty("lastClosedPeriod").ValueKind == JsonValueKind.Number)
            .GroupBy(c => c.GetProperty("taskId").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(c => c.GetProperty("hotkey").GetString()!).Order(StringComparer.Ordinal).ToList());
    }
}
