namespace Sn19.Tests.Host.Cli;

using System.Net;
using System.Net.Sockets;
using Sn19.Tests.TestSupport;

/// <summary>
/// Regression (hardening issue, defects 3 and 6): a start-up that cannot go ahead as configured prints one
/// line naming the key and exits 2, never a stack trace; an unparsable listen address is such an error
/// (it used to bind every interface on port 80 and publish that axon).
/// </summary>
public sealed class StartupErrorsTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new("sn19-startup");

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("notahost", "miner.listen")]
    [InlineData("127.0.0.1", "miner.listen")]
    [InlineData("example.com:8091", "miner.listen")]
    [InlineData("127.0.0.1:70000", "miner.listen")]
    public async Task Miner_UnparsableListen_Exit2NamingTheKey(string listen, string key)
    {
        var result = await RunMinerAsync("--set", $"miner.listen={listen}", "--set", $"miner.tasks.chat-llama-3-2-3b-comp.model-file={_directory.File("absent.gguf")}");

        AssertClearError(result, key);
    }

    [Fact]
    public async Task Miner_InvalidHotkey_Exit2NamingTheKey()
    {
        var result = await RunMinerAsync("--set", "miner.hotkey=5NotAnAddress", "--set", $"miner.tasks.chat-llama-3-2-3b-comp.model-file={_directory.File("absent.gguf")}");

        AssertClearError(result, "miner.hotkey");
    }

    [Fact]
    public async Task Miner_MissingModelFile_Exit2NamingTheKey()
    {
        var result = await RunMinerAsync("--set", $"miner.tasks.chat-llama-3-2-3b-comp.model-file={_directory.File("absent.gguf")}");

        AssertClearError(result, "miner.tasks.chat-llama-3-2-3b-comp.model-file");
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Miner_ModelFileThatIsNotGguf_Exit2NamingTheKey()
    {
        var notGguf = _directory.Write("notes.gguf", "these are not the weights you are looking for");

        var result = await RunMinerAsync("--set", $"miner.tasks.chat-llama-3-2-3b-comp.model-file={notGguf}");

        AssertClearError(result, "miner.tasks.chat-llama-3-2-3b-comp.model-file");
        Assert.Contains("cannot load", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChainServe_PortInUse_Exit2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await Sn19Process.RunAsync(Deadline, "chain", "serve", "--data-dir", _directory.Path, "--listen", $"127.0.0.1:{port}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertClearError(Sn19ProcessResult result, string key)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stdout}{result.Stderr}");
        Assert.Contains($"'{key}'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A miner with public keys set and a chain URL nobody answers: each case fails before any chain call.</summary>
    private Task<Sn19ProcessResult> RunMinerAsync(params string[] extra) => Sn19Process.RunAsync(
        Deadline,
        [
            "miner",
            "--set", $"miner.hotkey={DevKeys.Address("Bob")}",
            "--set", $"miner.coldkey={DevKeys.Address("Bob//cold")}",
            "--set", "chain.url=http://127.0.0.1:9/",
            "--set", $"keys.wallets-path={_directory.Path}",
            .. extra,
        ]);
}
