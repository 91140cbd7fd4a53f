namespace Sn19.Tests.TestSupport;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// A running `sn19 local` (the real executable, its data in a temporary directory, every server on a free port) for
/// tests that talk to it as a user would: it is up once the organic API, the dashboard and the admin API have printed
/// their addresses. Operator commands go through `sn19 ctl`.
/// </summary>
public sealed partial class LocalSubnetProcess : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private LocalSubnetProcess(TempDirectory directory, Sn19Process process)
    {
        _directory = directory;
        Process = process;
    }

    public Sn19Process Process { get; }

    public string DataDirectory => _directory.Path;

    /// <summary>The organic API's base, ending in /v1/.</summary>
    public Uri OrganicApi { get; private set; } = null!;

    /// <summary>The dashboard's base address, without a trailing slash.</summary>
    public string Dashboard { get; private set; } = "";

    public string AdminUrl { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    /// <param name="settings">More <c>--set key=value</c> settings (e.g. a shorter period).</param>
    public static async Task<LocalSubnetProcess> StartAsync(string name, TimeSpan patience, params string[] settings)
    {
        var directory = new TempDirectory(name);
        string[] args =
        [
            "local", "--periods", "1000", "--data-dir", directory.Path, "--set", "admin.port=0", "--set", "organic.port=0", "--set", "dashboard.port=0",
            .. settings.SelectMany(s => new[] { "--set", s }),
        ];
        var local = new LocalSubnetProcess(directory, Sn19Process.Start(args));
        try
        {
            local.OrganicApi = new Uri(OrganicLine().Match(await local.Process.WaitForLineAsync(l => OrganicLine().IsMatch(l), patience)).Groups[1].Value + "/v1/");
            local.Dashboard = DashboardLine().Match(await local.Process.WaitForLineAsync(l => DashboardLine().IsMatch(l), patience)).Groups[1].Value;
            local.AdminUrl = AdminLine().Match(await local.Process.WaitForLineAsync(l => AdminLine().IsMatch(l), patience)).Groups[1].Value;
            local.AdminToken = (await File.ReadAllTextAsync(directory.File("admin.token"))).Trim();
            return local;
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the next "Period N starts at … (in S s)" line and returns when that period has opened.</summary>
    public async Task WaitForNextPeriodAsync(TimeSpan patience)
    {
        var starts = PeriodStarts().Match(await Process.WaitForLineAsync(l => PeriodStarts().IsMatch(l), patience));
        await Task.Delay(TimeSpan.FromSeconds(int.Parse(starts.Groups[1].Value, CultureInfo.InvariantCulture)));
    }

    /// <summary>Runs `sn19 ctl ARGS --url … --token …` and returns its standard output (the exit code must be 0).</summary>
    public async Task<string> CtlAsync(params string[] args)
    {
        var run = await Sn19Process.RunAsync(TimeSpan.FromSeconds(60), ["ctl", .. args, "--url", AdminUrl, "--token", AdminToken]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run.Stdout;
    }

    /// <summary>Stops it as Ctrl+C would (SIGTERM), killing it if it has not stopped within a minute.</summary>
    public async ValueTask DisposeAsync()
    {
        Process.Terminate();
        try
        {
            await Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // Disposing kills it.
        }

        await Process.DisposeAsync();
        _directory.Dispose();
    }

    [GeneratedRegex(@"^Organic API \(OpenAI-compatible\): (http://\S+)/v1 ")]
    private static partial Regex OrganicLine();

    [GeneratedRegex(@"^Dashboard: (http://\S+)/ ")]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"ctl actors --url (http://\S+) ")]
    private static partial Regex AdminLine();

    [GeneratedRegex(@"^Period \d+ starts at .* \(in (\d+) s\)")]
    private static partial Regex PeriodStarts();
}
