namespace Sn19.Tests.Actors.Chain.Yuma;

using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Yuma;

public sealed class YumaVariantTests
{
    [Fact]
    public void Run_LiquidAlpha_BondsMoveFasterThanFixedAlphaAndStayInUnitRange()
    {
        var plain = YumaExamples.WorkedExample(yuma3: true);
        var liquid = plain with { Parameters = plain.Parameters with { LiquidAlpha = true } };

        var a = YumaEpoch.Run(plain);
        var b = YumaEpoch.Run(liquid);

        // α ∈ [0.7, 0.9] instead of 0.1: the first epoch's bonds are 7–9× larger.
        Assert.All(b.Bonds.SelectMany(r => r), e => Assert.InRange(e.Value, 1, Fixed.One));
        var plainBond = a.Bonds[0].Single(e => e.Col == 3).Value;
        var liquidBond = b.Bonds[0].Single(e => e.Col == 3).Value;
        Assert.InRange(Fixed.ToDouble(liquidBond) / Fixed.ToDouble(plainBond), 6.9, 9.1);
        Assert.Equal(a.Incentive, b.Incentive);
    }

    [Fact]
    public void Run_OwnerSelfWeight_CountsOnlyForOwner()
    {
        // Two validators weight themselves fully; only uid 0 is the owner, so only its diagonal survives.
        var neurons = new List<YumaNeuron>
        {
            new(1_000, 100, 0, false, [new UidValue(0, 65535)], []),
            new(1_000, 100, 0, true, [new UidValue(1, 65535)], []),
        };
        var input = new YumaEpochInput(100, 0, 1_000_000, 0, new YumaParameters(), neurons);

        var result = YumaEpoch.Run(input);

        Assert.True(result.Incentive[0] > 0);
        Assert.Equal(0, result.Incentive[1]);
        Assert.True(result.NewValidatorPermit[0]);
    }

    [Fact]
    public void Run_InactiveValidator_HasNoActiveStake()
    {
        var input = YumaExamples.WorkedExample(yuma3: true);
        var cutoff = input.Parameters.ActivityCutoffBlocks;
        var neurons = input.Neurons.ToList();
        neurons[0] = neurons[0] with { LastUpdate = input.Block - cutoff - 1 };

        var result = YumaEpoch.Run(input with { Neurons = neurons });

        Assert.False(result.Active[0]);
        Assert.Equal(0, result.ActiveStake[0]);
        Assert.Equal(0, result.Dividends[0]);
    }

    [Fact]
    public void Run_WeightsOlderThanMinerRegistration_AreIgnored()
    {
        var input = YumaExamples.WorkedExample(yuma3: true);
        var neurons = input.Neurons.ToList();
        neurons[3] = neurons[3] with { RegisteredAt = input.Block };

        var result = YumaEpoch.Run(input with { Neurons = neurons });

        Assert.Equal(0, result.Incentive[3]);
        Assert.Equal(0, result.Consensus[3]);
    }
}
