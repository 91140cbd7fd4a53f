namespace Sn19.Tests.Actors.Mechanism;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Actors.Mechanism;

/// <summary>Properties of the weight computation over random subnets (issue 7, Must show 2).</summary>
public sealed class WeightPropertyTests
{
    private static readonly MechanismOptions Options = new();

    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Compute_AnySubnet_WeightsNonNegativeAndSumToOne()
    {
        var property = Prop.ForAll(SubnetGen.Subnets().ToArbitrary(), subnet =>
        {
            var result = WeightCalculator.Compute(subnet.Tasks, subnet.Contenders, Options);
            var sum = result.Miners.Sum(m => m.Weight);
            var anyPositive = result.Contenders.Any(c => c.EffectiveVolume > 0);
            return result.Miners.All(m => m.Weight >= 0 && double.IsFinite(m.Weight))
                && (anyPositive ? Math.Abs(sum - 1) < 1e-9 : sum == 0);
        });
        Check.One(Quick, property);
    }

    [Fact]
    public void Compute_MoreDeliveredWorkAtEqualQuality_NeverLowersWeight()
    {
        var input = SubnetGen.Subnets().SelectMany(
            s => Gen.Choose(0, s.Contenders.Count - 1).Zip(Gen.Choose(100, 400)),
            (s, pick) => (Subnet: s, Index: pick.Item1, Factor: pick.Item2 / 100.0));
        var property = Prop.ForAll(input.ToArbitrary(), x =>
        {
            var before = WeightCalculator.Compute(x.Subnet.Tasks, x.Subnet.Contenders, Options);
            var boosted = x.Subnet.Contenders.ToArray();
            var c = boosted[x.Index];

            // More work delivered at the same quality: more verified volume, and more work per second.
            boosted[x.Index] = c with { Capacity = c.Capacity * x.Factor, SpeedMetric = c.SpeedMetric * x.Factor };
            var after = WeightCalculator.Compute(x.Subnet.Tasks, boosted, Options);
            return WeightOf(after, c.Hotkey) >= WeightOf(before, c.Hotkey) - 1e-12;
        });
        Check.One(Quick, property);
    }

    [Fact]
    public void Compute_MinerWithQualityZero_GetsWeightZero()
    {
        var input = SubnetGen.Subnets().SelectMany(s => Gen.Choose(0, s.Contenders.Count - 1), (s, i) => (Subnet: s, Index: i));
        var property = Prop.ForAll(input.ToArbitrary(), x =>
        {
            var hotkey = x.Subnet.Contenders[x.Index].Hotkey;
            var zeroed = x.Subnet.Contenders
                .Select(c => c.Hotkey == hotkey ? c with { Quality = 0 } : c)
                .ToArray();
            var result = WeightCalculator.Compute(x.Subnet.Tasks, zeroed, Options);
            return WeightOf(result, hotkey) == 0;
        });
        Check.One(Quick, property);
    }

    [Fact]
    public void Quantise_AnyWeights_LargestIs65535AndNoZeros()
    {
        var weights = Gen.Choose(0, 1_000_000).ArrayOf().Select(a => a.Select((w, i) => KeyValuePair.Create((ushort)i, w / 1e6)).ToArray());
        var property = Prop.ForAll(weights.ToArbitrary(), ws =>
        {
            var q = WeightQuantiser.Quantise(ws);
            var anyPositive = ws.Any(w => w.Value > 0);
            return q.All(u => u.Value > 0)
                && (anyPositive ? q.Max(u => u.Value) == ushort.MaxValue : q.Count == 0);
        });
        Check.One(Quick, property);
    }

    private static double WeightOf(WeightResult result, string hotkey) =>
        result.Miners.SingleOrDefault(m => m.Hotkey == hotkey)?.Weight ?? 0;
}
