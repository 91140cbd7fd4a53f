namespace Sn19.Tests.Actors.Persistence;

using Akka.TestKit.Xunit2;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Weights;

/// <summary>
/// Every persisted type goes through <see cref="JournalSerializer"/> under its stable manifest name (never a
/// CLR type name) and comes back to the same bytes; the registry refuses a name or a type given twice.
/// </summary>
public sealed class JournalSerializerTests() : TestKit(NodeConfig.Build(null, new PersistenceOptions()))
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Manifests => new()
    {
        "contender.period-opened", "contender.query-recorded", "contender.quality-recorded", "contender.period-closed", "contender.snapshot",
        "weights.round-recorded", "weights.snapshot", "weights.submission-intended",
    };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void RoundTrip_EachPersistedType_StableManifestAndSameBytes(string manifest)
    {
        var value = Persisted()[manifest];
        var serializer = Sys.Serialization.FindSerializerFor(value);

        var bytes = serializer.ToBinary(value);
        var back = Sys.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, value));

        Assert.IsType<JournalSerializer>(serializer);
        Assert.Equal(JournalSerializer.Id, serializer.Identifier);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, value));
        Assert.Equal(value.GetType(), back.GetType());
        Assert.Equal(bytes, serializer.ToBinary(back));
    }

    [Fact]
    public void Registry_SameNameForAnotherType_OrAnotherNameForTheSameType_Refused()
    {
        var registry = new EventTypeRegistry().Register<PeriodOpened>("contender.period-opened");

        Assert.Throws<ArgumentException>(() => registry.Register<PeriodClosed>("contender.period-opened"));
        Assert.Throws<ArgumentException>(() => registry.Register<PeriodOpened>("renamed"));
        Assert.Throws<UnknownManifestException>(() => registry.Deserialize("contender.unknown", []));
    }

    /// <summary>One value of each persisted type, made by the contender's own decisions.</summary>
    private static Dictionary<string, object> Persisted()
    {
        var options = new MechanismOptions();
        var state = new ContenderState(new ContenderKey("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "chat"));
        var opened = state.DecideOpen(new PeriodOpening(0, Start, 60_000, 60_000, 0.08, 1))!;
        state.Apply(opened, options);
        var recorded = state.DecideRecord(1, Start.AddSeconds(1), false, QueryOutcome.Ok(300, TimeSpan.FromSeconds(2)))!;
        state.Apply(recorded, options);
        var quality = state.DecideQuality(1, 0.93)!;
        state.Apply(quality, options);
        var closed = state.DecideClose(0, Start.AddMinutes(30))!;
        state.Apply(closed, options);
        var aggregates = new[] { state.Aggregate(Start.AddHours(1), options, qualitySquareExempt: false) };
        var round = WeightRound.Compute(7, Start.AddHours(1), [new TaskWeight("chat", 1)], aggregates, [new NeuronIdentity(3, state.Key.Hotkey)], options);
        var entry = new WeightHistoryEntry(round with { Period = 11 }, WeightSubmissionStatus.Submitted, null, 1_234);
        return new()
        {
            ["weights.round-recorded"] = new WeightRoundRecorded(entry),
            ["weights.snapshot"] = new WeightSetterSnapshot(8, [entry], new WeightSubmissionIntended(12, 8, 1_200, 1_234)),
            ["weights.submission-intended"] = new WeightSubmissionIntended(12, 8, 1_200, 1_234),
            ["contender.period-opened"] = opened,
            ["contender.query-recorded"] = recorded,
            ["contender.quality-recorded"] = quality,
            ["contender.period-closed"] = closed,
            ["contender.snapshot"] = state.ToSnapshot(),
        };
    }
}
