namespace Sn19.Tests.Host.Chain;

using System.Text.Json;
using System.Text.RegularExpressions;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Http;
using Sn19.Tests.Actors.Chain;

/// <summary>
/// `sn19 chain serve` as a real child process on a free loopback port with a temp data dir; this test process
/// and a `sn19 chain metagraph` process are its clients. The server is then killed and restarted on the same
/// data dir, and the state is still there.
/// </summary>
public sealed partial class ChainServeProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string Validator = TestKeys.Address("hot", 0);
    private static readonly string Miner = TestKeys.Address("hot", 1);

    [Fact]
    public async Task Serve_ClientsRegisterServeAndSetWeights_SeeSameMetagraphAndStateSurvivesRestart()
    {
        var dir = Directory.CreateTempSubdirectory("sn19-chain-serve-");
        try
        {
            Metagraph before;
            IReadOnlyList<WeightsRow> weightsBefore;
            using (var server = await StartServerAsync(dir.FullName))
            {
                var (url, _) = server;
                using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
                var chain = new HttpChainClient(http);

                Assert.Equal((ushort)0, (await chain.RegisterAsync(Validator, TestKeys.Address("cold", 0), None)).GetValueOrThrow());
                Assert.Equal((ushort)1, (await chain.RegisterAsync(Miner, TestKeys.Address("cold", 1), None)).GetValueOrThrow());
                (await chain.AddStakeAsync(TestKeys.Address("cold", 0), Validator, 1_000_000_000_000, None)).GetValueOrThrow();
                (await chain.ServeAxonAsync(Miner, "127.0.0.1", 8091, None)).GetValueOrThrow();

                // A permit comes with the first epoch after staking; then the weights rate limit must pass.
                await UntilAsync(async () => (await chain.GetMetagraphAsync(None)).GetValueOrThrow().Neurons[0].ValidatorPermit);
                await UntilAsync(async () =>
                {
                    var r = await chain.SetWeightsAsync(Validator, [1], [65535], 0, None);
                    Assert.True(r.IsOk || r.Error!.Code == ChainErrorCode.RateLimited, r.Error?.ToString());
                    return r.IsOk;
                });

                before = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();
                weightsBefore = (await chain.GetWeightsAsync(None)).GetValueOrThrow();

                // A second client process sees the same registrations, axon and weights.
                var cli = await Sn19Process.RunAsync(Deadline, "chain", "metagraph", "--json", "--url", url);
                Assert.True(cli.ExitCode == 0, cli.Stderr);
                var seen = JsonSerializer.Deserialize<Metagraph>(cli.Stdout, ChainJson.Options)!;
                Assert.Equal(before.Neurons.Select(n => (n.Uid, n.Hotkey, n.Coldkey, n.AxonIp, n.AxonPort, n.RegisteredAt)),
                    seen.Neurons.Select(n => (n.Uid, n.Hotkey, n.Coldkey, n.AxonIp, n.AxonPort, n.RegisteredAt)));
                var cliWeights = await Sn19Process.RunAsync(Deadline, "chain", "weights", "--json", "--url", url);
                Assert.Contains("65535", cliWeights.Stdout, StringComparison.Ordinal);

                server.Process.Kill();
            }

            using (var restarted = await StartServerAsync(dir.FullName))
            {
                using var http = new HttpClient { BaseAddress = new Uri(restarted.Url + "/") };
                var chain = new HttpChainClient(http);
                var after = (await chain.GetMetagraphAsync(None)).GetValueOrThrow();

                Assert.True(after.Block >= before.Block, $"block went back from {before.Block} to {after.Block}");
                Assert.Equal(
                    before.Neurons.Select(n => (n.Uid, n.Hotkey, n.Coldkey, n.AxonIp, n.AxonPort, n.RegisteredAt, n.LastUpdate)),
                    after.Neurons.Select(n => (n.Uid, n.Hotkey, n.Coldkey, n.AxonIp, n.AxonPort, n.RegisteredAt, n.LastUpdate)));
                Assert.True(after.Neurons[0].StakeRao >= before.Neurons[0].StakeRao);
                Assert.True(after.Neurons[0].ValidatorPermit);
                var weightsAfter = (await chain.GetWeightsAsync(None)).GetValueOrThrow();
                Assert.Equal(weightsBefore[0].Weights, weightsAfter[0].Weights);
                Assert.Equal(ChainErrorCode.AlreadyRegistered, (await chain.RegisterAsync(Miner, TestKeys.Address("cold", 1), None)).Error?.Code);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<ServerHandle> StartServerAsync(string dataDir)
    {
        var process = Sn19Process.Start(
            "chain", "serve", "--data-dir", dataDir, "--listen", "127.0.0.1:0",
            "--block-time", "50ms", "--tempo", "4", "--weights-rate-limit", "3");
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var match = ListeningLine().Match(await process.ReadLineAsync(Deadline));
                if (match.Success)
                {
                    return new ServerHandle(match.Groups[1].Value, process);
                }
            }

            throw new InvalidOperationException("the chain server printed no 'listening on' line; stderr: " + process.Stderr);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached before the deadline");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ListeningLine();

    private sealed record ServerHandle(string Url, Sn19Process Process) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }
}
