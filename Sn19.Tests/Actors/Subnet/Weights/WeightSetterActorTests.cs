namespace Sn19.Tests.Actors.Subnet.Weights;

using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Weights;
using Sn19.Tests.Actors.Subnet.Tasks;
using Sn19.Tests.TestSupport;

/// <summary>The weight setter against the real local chain (in-memory SQLite), on Akka's virtual time.</summary>
public sealed class WeightSetterActorTests() : TestKit(VirtualTime.Config)
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    // Well-known development addresses (Alice, Bob, Charlie, Dave): the local chain takes SS58 keys only.
    private const string Val = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private const string Fast = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    private const string Slow = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
    private const string Bad = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

    private readonly MechanismOptions _options = new();

    [Fact]
    public async Task SetWeightsNow_SubmitsByHotkeyAndKeepsTheBreakdown()
    {
        using var chain = await ChainWithValidatorAsync(rateLimit: 0);
        var contenders = await ContendersAsync(Scheduler.Now - TimeSpan.FromHours(6));
        var setter = Setter(chain, contenders);

        var entry = await setter.Ask<WeightHistoryEntry>(new SetWeightsNow(1));

        Assert.Equal(WeightSubmissionStatus.Submitted, entry.Status);
        var metagraph = (await chain.GetMetagraphAsync(default)).GetValueOrThrow();
        var uid = metagraph.Neurons.ToDictionary(n => n.Hotkey, n => n.Uid);
        var row = (await chain.GetWeightsAsync(default)).GetValueOrThrow().Single(w => w.Hotkey == Val);
        Assert.Contains(new UidValue(uid[Fast], 65535), row.Weights);
        Assert.DoesNotContain(row.Weights, w => w.Uid == uid[Bad]);
        var fast = entry.Round.Contenders.Single(c => c.Hotkey == Fast);
        Assert.Equal(0.25, fast.Bonus);
        Assert.True(fast.Share > 0.5);
        Assert.Equal(1.0, entry.Round.Miners.Sum(m => m.Weight), 9);

        var history = await setter.Ask<IReadOnlyList<WeightHistoryEntry>>(new GetWeightsHistory(10));
        Assert.Same(entry, Assert.Single(history));
    }

    [Fact]
    public async Task Replies_CrossNodes_RoundTripThroughAkkasSerializer()
    {
        // Regression: a history built with a collection expression is a compiler-made type the remote serializer
        // cannot rebuild, so a node asking the singleton on another node timed out.
        using var chain = await ChainWithValidatorAsync(rateLimit: 0);
        var setter = Setter(chain, await ContendersAsync(Scheduler.Now - TimeSpan.FromHours(6)));
        var entry = await setter.Ask<WeightHistoryEntry>(new SetWeightsNow(1));
        var history = await setter.Ask<IReadOnlyList<WeightHistoryEntry>>(new GetWeightsHistory(10));

        foreach (var reply in new object[] { entry, history })
        {
            var serializer = Sys.Serialization.FindSerializerFor(reply);
            var back = Sys.Serialization.Deserialize(
                serializer.ToBinary(reply), serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, reply));
            Assert.Equal(reply.GetType(), back.GetType());
        }

        var restored = Assert.Single((WeightHistoryEntry[])Sys.Serialization.Deserialize(
            Sys.Serialization.FindSerializerFor(history).ToBinary(history), Sys.Serialization.FindSerializerFor(history).Identifier, typeof(WeightHistoryEntry[])));
        Assert.Equal(entry.Round.Weights, restored.Round.Weights);
    }

    [Fact]
    public async Task SetWeightsNow_AgainWithinTheRateLimit_DoesNotSubmit()
    {
        using var chain = await ChainWithValidatorAsync(rateLimit: 1_000);
        var contenders = await ContendersAsync(Scheduler.Now - TimeSpan.FromHours(6));
        var setter = Setter(chain, contenders);

        var first = await setter.Ask<WeightHistoryEntry>(new SetWeightsNow(1));
        await chain.ProduceBlockAsync(default);
        var second = await setter.Ask<WeightHistoryEntry>(new SetWeightsNow(2));

        Assert.Equal(WeightSubmissionStatus.Submitted, first.Status);
        Assert.Equal(WeightSubmissionStatus.RateLimited, second.Status);
        Assert.NotEmpty(second.Round.Weights);
        Assert.Contains("1000", second.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetWeightsNow_SamePeriodTwice_SubmitsOnceAndAnswersFromTheJournal()
    {
        using var chain = await ChainWithValidatorAsync(rateLimit: 0);
        var setter = Setter(chain, await ContendersAsync(Scheduler.Now - TimeSpan.FromHours(6)));

        var first = await setter.Ask<WeightHistoryEntry>(new SetWeightsNow(5));
        var submittedAt = await LastUpdateAsync(chain);
        await chain.ProduceBlockAsync(default);
        var again = await setter.Ask<WeightHistoryEntry>(new SetWeightsNow(5));

        Assert.Equal(WeightSubmissionStatus.Submitted, first.Status);
        Assert.Equal(5, first.Round.Period);
        Assert.Same(first, again);
        Assert.Single(await setter.Ask<IReadOnlyList<WeightHistoryEntry>>(new GetWeightsHistory(10)));
        Assert.Equal(submittedAt, await LastUpdateAsync(chain));
    }

    [Fact]
    public async Task Recovery_IntentWhoseSubmissionLanded_RecordedAsSubmittedAndNotSentAgain()
    {
        using var chain = await ChainWithValidatorAsync(rateLimit: 0);
        var contenders = await ContendersAsync(Scheduler.Now - TimeSpan.FromHours(6));
        // The node that died journaled its intent and its submission reached the chain; the outcome was never journaled.
        var before = await LastUpdateAsync(chain);
        await TestJournal.WriteAsync(Sys, $"weight-setter/{Val}", new WeightSubmissionIntended(5, 0, before, 4));
        await SubmitDirectlyAsync(chain, before);
        var landed = await LastUpdateAsync(chain);
        await chain.ProduceBlockAsync(default);

        var entry = await Setter(chain, contenders).Ask<WeightHistoryEntry>(new SetWeightsNow(5));

        Assert.NotEqual(before, landed);
        Assert.Equal(WeightSubmissionStatus.Submitted, entry.Status);
        Assert.Contains("failover", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(landed, await LastUpdateAsync(chain));
    }

    [Fact]
    public async Task Recovery_IntentWhoseSubmissionNeverArrived_SubmitsItNow()
    {
        using var chain = await ChainWithValidatorAsync(rateLimit: 0);
        var contenders = await ContendersAsync(Scheduler.Now - TimeSpan.FromHours(6));
        var before = await LastUpdateAsync(chain);
        await TestJournal.WriteAsync(Sys, $"weight-setter/{Val}", new WeightSubmissionIntended(5, 0, before, 4));

        var entry = await Setter(chain, contenders).Ask<WeightHistoryEntry>(new SetWeightsNow(5));

        Assert.Equal(WeightSubmissionStatus.Submitted, entry.Status);
        Assert.Null(entry.Detail);
        Assert.NotEqual(before, await LastUpdateAsync(chain));
    }

    [Fact]
    public async Task Restart_RoundNumbersAndHistoryCarryOnFromTheJournal()
    {
        // Regression (hardening issue): the "Weights round" counter restarted at 0 after a restart.
        using var chain = await ChainWithValidatorAsync(rateLimit: 0);
        var contenders = await ContendersAsync(Scheduler.Now - TimeSpan.FromHours(6));
        var first = Setter(chain, contenders);
        await first.Ask<WeightHistoryEntry>(new SetWeightsNow(1));
        await chain.ProduceBlockAsync(default);
        await first.Ask<WeightHistoryEntry>(new SetWeightsNow(2));
        await first.GracefulStop(TimeSpan.FromSeconds(30));

        var restarted = Setter(chain, contenders);
        var history = await restarted.Ask<IReadOnlyList<WeightHistoryEntry>>(new GetWeightsHistory(10));
        await chain.ProduceBlockAsync(default);
        var third = await restarted.Ask<WeightHistoryEntry>(new SetWeightsNow(3));

        Assert.Equal([1L, 0L], history.Select(h => h.Round.Round));
        Assert.Equal(2, third.Round.Round);
        Assert.Equal(WeightSubmissionStatus.Submitted, third.Status);
    }

    [Fact]
    public void Round_UidsComeFromTheMetagraphAtThatMoment()
    {
        var aggregates = new[]
        {
            new ContenderAggregate("a", "chat", 0.9, 10, new PeriodAggregateResult(1, 1, 10), 60_000),
            new ContenderAggregate("b", "chat", 0.9, 5, new PeriodAggregateResult(1, 1, 10), 60_000),
        };

        // uid 1 changed hands from "b" to "c": b's weight must not go to uid 1.
        var round = WeightRound.Compute(0, Start, [new TaskWeight("chat", 1)], aggregates,
            [new NeuronIdentity(0, "a"), new NeuronIdentity(1, "c")], _options);

        Assert.Equal([new UidWeight(0, 65535)], round.Weights);
        Assert.Null(round.Miners.Single(m => m.Hotkey == "b").Uid);
    }

    private static async Task<ulong> LastUpdateAsync(LocalChain chain) =>
        (await chain.GetMetagraphAsync(default)).GetValueOrThrow().Neurons.Single(n => n.Hotkey == Val).LastUpdate;

    /// <summary>What the dead node's weight setter sent: a signed submission against <paramref name="lastUpdate"/>.</summary>
    private async Task SubmitDirectlyAsync(LocalChain chain, ulong lastUpdate)
    {
        var metagraph = (await chain.GetMetagraphAsync(default)).GetValueOrThrow();
        var fast = metagraph.Neurons.Single(n => n.Hotkey == Fast).Uid;
        var weights = new Sn19.Actors.Signing.WeightsToSign(metagraph.Netuid, [fast], [65535], (ulong)_options.Weights.VersionKey, lastUpdate);
        var signed = await Sn19.Tests.Actors.Chain.TestKeys.SignerFor(Val, TimeProvider.System).SignWeightsAsync(weights, default);
        (await chain.SetWeightsAsync(new SignedWeights(Val, weights, signed.Signature), default)).GetValueOrThrow();
    }

    private static TaskRegistryHolder Registry() =>
        new(TaskRegistry.TryCreate(new Dictionary<string, TaskOptions> { ["chat"] = new() { Kind = "chat", Model = "m", Weight = 1 } }, out _)!);

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private IActorRef Setter(LocalChain chain, IContenderGateway contenders) =>
        Sys.ActorOf(WeightSetterActor.Props(
            chain, Sn19.Tests.Actors.Chain.TestKeys.SignerFor(Val, TimeProvider.System), contenders, Registry(), _options, NullLogger.Instance));

    /// <summary>Ten scored periods for each miner, the first at <paramref name="start"/>.</summary>
    private async Task<IContenderGateway> ContendersAsync(DateTimeOffset start)
    {
        var contenders = new InMemoryContenders(_options);
        foreach (var (hotkey, quality, seconds) in new[] { (Fast, 0.97, 2.0), (Slow, 0.97, 6.0), (Bad, 0.0, 2.0) })
        {
            var key = new ContenderKey(hotkey, "chat");
            for (var p = 0; p < 10; p++)
            {
                var at = start + TimeSpan.FromMinutes(30 * p);
                await contenders.OpenAsync(key, new PeriodOpening(p, at, 60_000, 60_000, 0.04, 1), default);
                await contenders.RecordAsync(key, 1, at, false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(seconds)), default);
                await contenders.RecordQualityAsync(key, 1, quality, default);
                await contenders.CloseAsync(key, p, at + TimeSpan.FromMinutes(30), default);
            }
        }

        return contenders;
    }

    private static async Task<LocalChain> ChainWithValidatorAsync(ulong rateLimit)
    {
        var chain = LocalChain.Open(":memory:", 19, new SubnetHyperparameters { Tempo = 2, WeightsRateLimit = rateLimit });
        foreach (var hotkey in new[] { Val, Fast, Slow, Bad })
        {
            (await chain.RegisterAsync(hotkey, hotkey, default)).GetValueOrThrow();
        }

        (await chain.AddStakeAsync(Val, Val, 1_000_000_000_000, default)).GetValueOrThrow();
        for (var i = 0; i < 4; i++)
        {
            await chain.ProduceBlockAsync(default);
        }

        return chain;
    }
}
