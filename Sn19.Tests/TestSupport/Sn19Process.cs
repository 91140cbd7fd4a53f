namespace Sn19.Tests.TestSupport;

using System.Diagnostics;
using System.Threading.Channels;

/// <summary>
/// The real `sn19` executable (sn19.dll next to the test assembly) as a child process; stdout lines arrive
/// through <see cref="ReadLineAsync"/>, stderr is collected. Dispose kills it if it is still running.
/// </summary>
public sealed class Sn19Process : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly System.Text.StringBuilder _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Sn19Process(Process process) => _process = process;

    public int Id => _process.Id;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static Sn19Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sn19.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start };
        var child = new Sn19Process(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                child._lines.Writer.TryComplete();
                child._stdoutClosed.TrySetResult();
            }
            else
            {
                child._lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._stderr)
                {
                    child._stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to completion and returns exit code, stdout and stderr (bounded by <paramref name="deadlineSeconds"/>).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(int deadlineSeconds, params string[] args)
    {
        await using var child = Start(args);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(deadlineSeconds));
        var lines = new List<string>();
        while (await child.ReadLineAsync(deadline.Token) is { } line)
        {
            lines.Add(line);
        }

        await child._process.WaitForExitAsync(deadline.Token);
        return (child._process.ExitCode, string.Join('\n', lines), child.Stderr);
    }

    /// <summary>The next stdout line, or null once stdout has closed (the process ended).</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (await _lines.Reader.WaitToReadAsync(cancellationToken) && _lines.Reader.TryRead(out var line))
        {
            return line;
        }

        return null;
    }

    /// <summary>SIGKILL: the process gets no chance to flush or clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _stdoutClosed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
