namespace Sn19.Tests.Host.Chain;

using System.CommandLine;
using System.Runtime.Versioning;
using Sn19.Host.Chain;
using Sn19.Host.Cli;
using Sn19.Tests.Host.Signer;
using Sn19.Tests.Actors.Chain;
using Sn19.Tests.Actors.Chain.Local;

/// <summary>
/// The `sn19 chain` client commands, invoked in-process against a chain served on loopback; `weights set`
/// signs through a real signer process (<see cref="SignerFixture"/>).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ChainCommandTests(SignerFixture signer) : IClassFixture<SignerFixture>
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RootCommandFactory.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Commands_AgainstServer_RegisterStakeAxonWeightsAndTables()
    {
        using var local = LocalChainFixture.InMemory(LocalChainFixture.Fast(tempo: 2, rateLimit: 1));
        await using var app = ChainServer.Build(local, "127.0.0.1:0");
        await app.StartAsync(CancellationToken.None);
        var url = ChainServer.BoundAddress(app);
        var v = signer.ValidatorKey.Ss58Address;
        var m = TestKeys.Address("hot", 1);
        string[] signedBy(string client) =>
            ["--socket-path", signer.SocketPath, "--name", client, "--token-file", Path.Join(signer.Root, client + ".token"), "--hotkey", "v/default"];
        var cold = TestKeys.Address("cold", 0);

        Assert.Contains("uid 0", (await RunAsync("chain", "register", "--hotkey", v, "--coldkey", cold, "--url", url)).Out, StringComparison.Ordinal);
        Assert.Contains("uid 1", (await RunAsync("chain", "register", "--hotkey", m, "--coldkey", cold, "--url", url)).Out, StringComparison.Ordinal);
        Assert.Contains("1000.000000000 TAO", (await RunAsync("chain", "stake", "add", "--coldkey", cold, "--hotkey", v, "--amount", "1000", "--url", url)).Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("chain", "serve-axon", "--hotkey", m, "--ip", "127.0.0.1", "--port", "8091", "--url", url)).Exit);
        await LocalChainFixture.AdvanceAsync(local, 2);

        var notGranted = await RunAsync(["chain", "weights", "set", "--uids", "1", "--values", "100", "--url", url, .. signedBy("miner")]);
        Assert.Equal(2, notGranted.Exit);
        Assert.Contains("signer refused", notGranted.Err, StringComparison.Ordinal);
        var set = await RunAsync(["chain", "weights", "set", "--uids", "1", "--values", "100", "--url", url, .. signedBy("validator")]);
        Assert.True(set.Exit == 0, set.Err);
        Assert.Contains($"weights of {v} set on 1 uids", set.Out, StringComparison.Ordinal);
        var refused = await RunAsync(["chain", "weights", "set", "--uids", "1", "--values", "100", "--url", url, .. signedBy("validator")]);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("RateLimited", refused.Err, StringComparison.Ordinal);
        await LocalChainFixture.AdvanceAsync(local, 2);

        var table = await RunAsync("chain", "metagraph", "--url", url);
        Assert.Contains("127.0.0.1:8091", table.Out, StringComparison.Ordinal);
        var json = await RunAsync("chain", "metagraph", "--json", "--url", url);
        Assert.Contains("\"axonPort\": 8091", json.Out, StringComparison.Ordinal);
        Assert.Contains("1:65535", (await RunAsync("chain", "weights", "--url", url)).Out, StringComparison.Ordinal);
        var epochs = await RunAsync("chain", "epochs", "--json", "--url", url);
        Assert.Contains("\"topIncentiveUid\": 1", epochs.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("chain", "epochs", "--url", url)).Exit);
        await app.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("--listen", "nonsense", "chain.listen")]
    [InlineData("--block-time", "banana", "--block-time")]
    public async Task Serve_BadOption_Exit2WithMessage(string option, string value, string named)
    {
        var (exit, _, err) = await RunAsync("chain", "serve", "--data-dir", Path.GetTempPath(), option, value);
        Assert.Equal(2, exit);
        Assert.Contains(named, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metagraph_NoServer_Exit1Unavailable()
    {
        var (exit, _, err) = await RunAsync("chain", "metagraph", "--url", "http://127.0.0.1:1");
        Assert.Equal(1, exit);
        Assert.Contains("Unavailable", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metagraph_NoUrl_UsesChainUrlFromConfiguration()
    {
        var (exit, _, err) = await RunAsync("chain", "metagraph", "--set", "chain.url=http://127.0.0.1:1");
        Assert.Equal(1, exit);
        Assert.Contains("http://127.0.0.1:1/", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weights_OnASubtensorUrl_Exit2SayingWhatReadsOne()
    {
        var (exit, _, err) = await RunAsync("chain", "weights", "--url", "wss://entrypoint-finney.opentensor.ai:443");
        Assert.Equal(2, exit);
        Assert.Contains("is a Subtensor node", err, StringComparison.Ordinal);
        Assert.Contains("sn19 chain metagraph --url", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BadConfiguration_Exit2NamingKey()
    {
        var (exit, _, err) = await RunAsync("chain", "serve", "--set", "chain.subnet.max-allowed-uids=0");
        Assert.Equal(2, exit);
        Assert.Contains("max-allowed-uids", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stake_TooManyDecimals_Exit2()
    {
        var (exit, _, err) = await RunAsync("chain", "stake", "add", "--coldkey", TestKeys.Alice, "--hotkey", TestKeys.Bob, "--amount", "0.0000000001");
        Assert.Equal(2, exit);
        Assert.Contains("9 decimals", err, StringComparison.Ordinal);
    }
}
