namespace Sn19.Tests.Actors.Mechanism;

using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Host.Configuration;
using Sn19.Tests.Host.Cli.Simulate;
using Sn19.Tests.TestSupport;

/// <summary>hocon/defaults/mechanism.conf and tasks.conf bind to the options with the documented defaults.</summary>
public sealed class MechanismOptionsBindingTests
{
    [Fact]
    public void Bind_DefaultsFile_EqualsTheCodeDefaults()
    {
        var bound = Load().GetOptions<MechanismOptions>("mechanism");
        var defaults = new MechanismOptions();

        Assert.Empty(bound.Validate());
        Assert.Equal(defaults.Period, bound.Period);
        Assert.Equal(defaults.CapacityToScoreMultiplier, bound.CapacityToScoreMultiplier);
        Assert.Equal(
            defaults.OrderedTiers().Select(t => (t.Share, t.Probability)),
            bound.OrderedTiers().Select(t => (t.Share, t.Probability)));
        Assert.Equal(defaults.QualityExponent, bound.QualityExponent);
        Assert.Equal(defaults.QualitySquareThreshold, bound.QualitySquareThreshold);
        Assert.Equal(defaults.QualityLookBack, bound.QualityLookBack);
        Assert.Equal(defaults.SpeedPercentile, bound.SpeedPercentile);
        Assert.Equal(defaults.SpeedBonusMax, bound.SpeedBonusMax);
        Assert.Equal(defaults.PeriodDecay, bound.PeriodDecay);
        Assert.Equal(defaults.PeriodRetention, bound.PeriodRetention);
        Assert.Equal(defaults.FewPeriodsThreshold, bound.FewPeriodsThreshold);
        Assert.Equal(defaults.FewPeriodsMultiplier, bound.FewPeriodsMultiplier);
        Assert.Equal(defaults.NormalisationExponent, bound.NormalisationExponent);
        Assert.Equal(defaults.ReservoirPerWeight, bound.ReservoirPerWeight);
        Assert.Equal(defaults.CharactersPerToken, bound.CharactersPerToken);
        Assert.Equal(defaults.Weights.VersionKey, bound.Weights.VersionKey);
        Assert.Equal(defaults.Weights.History, bound.Weights.History);
    }

    [Fact]
    public void Bind_Override_ReachesTheOptions()
    {
        var bound = Load(new Dictionary<string, string?> { ["mechanism.normalisation-exponent"] = "3", ["mechanism.share-to-test.full.probability"] = "0" })
            .GetOptions<MechanismOptions>("mechanism");

        Assert.Equal(3, bound.NormalisationExponent);
        Assert.Contains(bound.Validate(), e => e.StartsWith("mechanism.share-to-test ", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_TasksFile_ReferenceTextTasksNormalised()
    {
        var tasks = Load().GetOptions<Dictionary<string, TaskOptions>>("tasks");
        var registry = TaskRegistry.TryCreate(tasks, out var errors)!;

        Assert.Empty(errors);
        Assert.Equal(7, registry.Enabled.Count);
        Assert.Equal(1.0, registry.Enabled.Sum(t => t.Weight), 12);
        var small = registry.Find("chat-llama-3-2-3b")!;
        Assert.Equal(0.05, small.Weight, 12);
        Assert.Equal(60_000, small.MaxCapacity);
        Assert.Equal(300, small.VolumePerRequest);
        Assert.Equal(TimeSpan.FromSeconds(2), small.Timeout);
        Assert.True(small.Stream);
        Assert.Equal(TaskKind.Completion, registry.Find("chat-rogue-rose-103b-comp")!.Kind);
    }

    [Fact]
    public void Bind_LocalRole_ChatAndCompletionOnTheTestModel()
    {
        var tasks = Load(role: "local").GetOptions<Dictionary<string, TaskOptions>>("tasks");
        var registry = TaskRegistry.TryCreate(tasks, out var errors)!;

        Assert.Empty(errors);
        Assert.Equal(["chat", "completion"], registry.Enabled.Select(t => t.Id));
        Assert.Equal([TaskKind.Chat, TaskKind.Completion], registry.Enabled.Select(t => t.Kind));
        Assert.All(registry.Enabled, t => Assert.Equal(0.5, t.Weight, 12));
    }

    private static Sn19Configuration Load(IReadOnlyDictionary<string, string?>? overrides = null, string? role = null) =>
        Sn19ConfigurationLoader.Load(new ConfigurationRequest
        {
            Role = role,
            HoconDirectory = TestPaths.Hocon,
            Environment = new Dictionary<string, string>(),
            CommandLine = overrides,
        });
}
