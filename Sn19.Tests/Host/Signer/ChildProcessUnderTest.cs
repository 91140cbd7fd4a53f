namespace Sn19.Tests.Host.Signer;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// The real <c>sn19</c> executable (built next to the tests) as a child process, with its stdout and stderr
/// captured line by line so a test can wait for, and assert on, what it logged.
/// </summary>
internal sealed partial class ChildProcessUnderTest : IAsyncDisposable
{
    private const int Sigterm = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _newLine = new(0);

    private ChildProcessUnderTest(Process process) => _process = process;

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool HasExited => _process.HasExited;

    public static ChildProcessUnderTest Start(params string[] arguments) =>
        StartProgram(DotnetHost, [Path.Join(AppContext.BaseDirectory, "sn19.dll"), .. arguments]);

    /// <summary><c>sn19</c> as another user (<c>setpriv</c>, which needs root): uid and gid <paramref name="uid"/>, no groups.</summary>
    public static ChildProcessUnderTest StartAs(int uid, params string[] arguments) =>
        RunAs(uid, [DotnetHost, Path.Join(AppContext.BaseDirectory, "sn19.dll"), .. arguments]);

    /// <summary>Any program as another user, e.g. <c>cat</c> on a key file.</summary>
    public static ChildProcessUnderTest RunAs(int uid, string[] command) =>
        StartProgram("setpriv", [$"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--", .. command], home: Path.GetTempPath());

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private static ChildProcessUnderTest StartProgram(string program, string[] arguments, string? home = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (home is not null)
        {
            info.Environment["HOME"] = home;
            info.Environment["DOTNET_CLI_HOME"] = home;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var wrapper = new ChildProcessUnderTest(process);
        process.OutputDataReceived += (_, e) => wrapper.Add(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Waits (bounded) until some captured line satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = _lines.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (_process.HasExited && _newLine.CurrentCount == 0)
            {
                throw new InvalidOperationException("sn19 exited before logging the line; it logged:\n" + string.Join('\n', _lines));
            }

            try
            {
                await _newLine.WaitAsync(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("sn19 did not log the line in time; it logged:\n" + string.Join('\n', _lines));
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager stops the signer.</summary>
    public void Terminate() => _ = Kill(_process.Id, Sigterm);

    /// <summary>SIGKILL: the process gets no chance to clean up, as in a crash.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _newLine.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        _newLine.Release();
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
