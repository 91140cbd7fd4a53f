namespace Sn19.Tests.TestSupport;

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;

/// <summary>
/// The real <c>sn19</c> executable (sn19.dll next to the test assembly) as a child process, its stdout and
/// stderr captured line by line: stdout lines can be read in order (<see cref="ReadLineAsync"/>), and every
/// line of both is kept (<see cref="Lines"/>) for waiting on and asserting. Every wait has a deadline;
/// disposing kills a child that is still running.
/// </summary>
/// <remarks>
/// The child never inherits the developer's configuration overrides (<c>SN19__*</c>) or coldkey password,
/// and its stdin is closed, so a test sees only what it sets and no command waits on a terminal.
/// </remarks>
public sealed partial class Sn19Process : IAsyncDisposable
{
    private const int Sigterm = 15;
    private static readonly TimeSpan StreamsCloseTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Channel<string> _stdoutLines = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _streamsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _openStreams = 2;

    private Sn19Process(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every stdout and stderr line so far, in the order they arrived.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Sn19Dll => Path.Combine(AppContext.BaseDirectory, "sn19.dll");

    public static Sn19Process Start(params string[] args) => Start(Sn19ProcessOptions.Default, args);

    public static Sn19Process Start(Sn19ProcessOptions options, params string[] args)
    {
        if (!File.Exists(Sn19Dll))
        {
            throw new FileNotFoundException($"{Sn19Dll} is missing: the test project references Sn19.Host", Sn19Dll);
        }

        return options.UserId is { } uid
            ? StartProgramAs(uid, options, [DotnetHost, Sn19Dll, .. args])
            : Launch(DotnetHost, [Sn19Dll, .. args], options);
    }

    /// <summary><c>sn19</c> as another user: uid and gid <paramref name="uid"/>, no groups.</summary>
    public static Sn19Process StartAs(int uid, params string[] args) => Start(new Sn19ProcessOptions { UserId = uid }, args);

    /// <summary>Any program as another user (<c>setpriv</c>, which needs root), e.g. <c>cat</c> on a key file.</summary>
    public static Sn19Process StartProgramAs(int uid, params string[] command) => StartProgramAs(uid, Sn19ProcessOptions.Default, command);

    /// <summary>Runs <c>sn19</c> to completion within <paramref name="timeout"/> (killed and a TimeoutException past it).</summary>
    public static Task<Sn19ProcessResult> RunAsync(TimeSpan timeout, params string[] args) => RunAsync(timeout, Sn19ProcessOptions.Default, args);

    public static async Task<Sn19ProcessResult> RunAsync(TimeSpan timeout, Sn19ProcessOptions options, params string[] args)
    {
        await using var child = Start(options, args);
        var exitCode = await child.WaitForExitAsync(timeout);
        return new Sn19ProcessResult(exitCode, child.Stdout, child.Stderr);
    }

    /// <summary>The next stdout line, or null once stdout has closed (the process ended).</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (await _stdoutLines.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_stdoutLines.Reader.TryRead(out var line))
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>Waits (bounded) until some line of stdout or stderr, seen so far or later, satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _lines.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                if (_openStreams == 0)
                {
                    throw new InvalidOperationException("sn19 exited before logging the line; it logged:\n" + string.Join('\n', _lines));
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("sn19 did not log the line in time; it logged:\n" + string.Join('\n', Lines));
            }
        }
    }

    /// <summary>Waits (bounded) for the process to end and its output to be read; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            await _streamsClosed.Task.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree();
            throw new TimeoutException($"sn19 did not finish within {timeout}; it logged:\n" + string.Join('\n', Lines));
        }

        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager stops a service.</summary>
    public void Terminate() => _ = Kill(_process.Id, Sigterm);

    /// <summary>SIGKILL (like a crash or <c>kill -9</c>): no flushing, no clean-up; waits until it is gone and its output read.</summary>
    public async Task KillAsync()
    {
        KillTree();
        await _process.WaitForExitAsync();
        await _streamsClosed.Task.WaitAsync(StreamsCloseTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            KillTree();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Sn19Process StartProgramAs(int uid, Sn19ProcessOptions options, string[] command)
    {
        // The other user cannot read root's home; dotnet wants a writable one.
        var home = Path.GetTempPath();
        var environment = new Dictionary<string, string?>(options.Environment) { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home };
        return Launch(
            "setpriv",
            [$"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--", .. command],
            options with { Environment = environment, UserId = null });
    }

    private static Sn19Process Launch(string program, string[] args, Sn19ProcessOptions options)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SN19__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment.Remove("SN19_COLDKEY_PASSWORD");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new Sn19Process(process);
        process.OutputDataReceived += (_, e) => child.Add(e.Data, isStdout: true);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data, isStdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (options.StandardInput is { } input)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        return child;
    }

    private void Add(string? line, bool isStdout)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (line is null)
            {
                if (isStdout)
                {
                    _stdoutLines.Writer.TryComplete();
                }

                if (--_openStreams == 0)
                {
                    _streamsClosed.TrySetResult();
                }
            }
            else
            {
                _lines.Add(line);
                (isStdout ? _stdout : _stderr).Append(line).Append('\n');
                if (isStdout)
                {
                    _stdoutLines.Writer.TryWrite(line);
                }
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private void KillTree()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
