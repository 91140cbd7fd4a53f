namespace Sn19.Tests.Chopsticks;

using System.Diagnostics;
using Sn19.Tests.TestSupport;

/// <summary>
/// A real Subtensor runtime on loopback: chopsticks 1.5.1 (installed by scripts/test-setup.d/40-node-packages.sh) runs
/// subtensor's raonet chain spec (runtime spec 218) offline from ../shared/data/subtensor/raonet-chainspec.json. It makes
/// a block whenever an extrinsic arrives, and `dev_setStorage` writes any storage item. Disposing kills it.
/// </summary>
public sealed class ChopsticksNode : IAsyncDisposable
{
    public const string Version = "@acala-network/chopsticks 1.5.1";

    private readonly Process _process;
    private readonly List<string> _log;

    private ChopsticksNode(Process process, Uri url, List<string> log)
    {
        _process = process;
        Url = url;
        _log = log;
    }

    /// <summary>ws://127.0.0.1:PORT.</summary>
    public Uri Url { get; }

    public static string Directory => Path.Combine(TestPaths.RepositoryRoot, "Sn19.Tests", "Chopsticks");

    public static async Task<ChopsticksNode> StartAsync(CancellationToken cancellationToken)
    {
        var program = Path.Combine(Directory, "node_modules", "@acala-network", "chopsticks", "chopsticks.cjs");
        if (!File.Exists(program))
        {
            throw new InvalidOperationException($"{Version} is not installed in {Directory}: run `bash scripts/test-setup.d/40-node-packages.sh` (test.sh does)");
        }

        var port = FreePorts.Next();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            program, "--genesis", Path.Combine(TestPaths.SharedData, "subtensor", "raonet-chainspec.json"), "--allow-unresolved-imports",
            "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var log = new List<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.Add(line);
            }

            if (line.Contains("RPC listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Compiling the runtime's WebAssembly and building the genesis block take 10 to 40 s here.
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(180), cancellationToken);
            return new ChopsticksNode(process, new Uri($"ws://127.0.0.1:{port}"), log);
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            string text;
            lock (log)
            {
                text = string.Join('\n', log.TakeLast(40));
            }

            process.Dispose();
            throw new InvalidOperationException($"chopsticks did not start listening: {text}", error);
        }
    }

    /// <summary>The node's last log lines, for a failing test's message.</summary>
    public string Tail(int lines = 40)
    {
        lock (_log)
        {
            return string.Join('\n', _log.TakeLast(lines));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }
}
