namespace Sn19.Host.Local;

using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

/// <summary>
/// One validator node of a local cluster: this same program run as `sn19 validator --config NODE.conf` in a child
/// process, its output forwarded line by line with the node's name in front. Stopping sends SIGTERM (the node
/// leaves the cluster and closes its journal) and kills it only if it has not ended within the grace period.
/// </summary>
internal sealed partial class LocalNodeProcess : IAsyncDisposable
{
    private const int Sigterm = 15;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private readonly Process _process;

    private LocalNodeProcess(LocalNodeSettings settings, Process process)
    {
        Settings = settings;
        _process = process;
    }

    public LocalNodeSettings Settings { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the node; every line it writes goes to <paramref name="output"/> as "[NAME] line".</summary>
    public static LocalNodeProcess Start(LocalNodeSettings settings, string configFile, TextWriter output)
    {
        var (program, prefix) = Self();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(["validator", "--config", configFile]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward(output, settings.Name, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(output, settings.Name, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LocalNodeProcess(settings, process);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, Sigterm);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    /// <summary>How to run this program again: the apphost itself, or `dotnet sn19.dll` when started that way.</summary>
    private static (string Program, string[] Prefix) Self()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        var entry = Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" && !string.IsNullOrEmpty(entry) ? (host, [entry]) : (host, []);
    }

    private static void Forward(TextWriter output, string name, string? line)
    {
        if (line is not null)
        {
            output.WriteLine($"[{name}] {line}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
