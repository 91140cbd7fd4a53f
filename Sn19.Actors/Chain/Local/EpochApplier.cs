namespace Sn19.Actors.Chain.Local;

using Sn19.Actors.Chain.Yuma;

/// <summary>
/// Runs Yuma on the local chain's state and applies it as subtensor does: the u16 vectors, the new permits and
/// bonds are stored, and each uid's server and validator emission is added to its hotkey's stake (under its
/// owner coldkey). The emission is the blocks since the last epoch × <c>EmissionPerBlockRao</c>; the owner cut,
/// root share and delegate take of the real chain are not modelled.
/// </summary>
internal static class EpochApplier
{
    public static EpochSummary Run(ChainState state, SubnetHyperparameters hp, ChainStore store)
    {
        var block = state.Block;
        var minted = (UInt128)(block - state.LastEpochBlock) * hp.EmissionPerBlockRao;
        var emission = minted > ulong.MaxValue ? ulong.MaxValue : (ulong)minted;
        var neurons = state.Neurons;
        var input = new YumaEpochInput(
            block,
            state.LastEpochBlock,
            emission,
            null,
            ToParameters(hp),
            neurons.Select(n => new YumaNeuron(
                state.HotkeyStake(n.Hotkey), n.LastUpdate, n.RegisteredAt, n.ValidatorPermit, n.Weights, n.Bonds)).ToArray());
        var result = YumaEpoch.Run(input);

        var changedStakes = new Dictionary<(string Coldkey, string Hotkey), ulong>();
        ulong paid = 0;
        for (var i = 0; i < neurons.Count; i++)
        {
            var n = neurons[i];
            n.Active = result.Active[i];
            n.ValidatorPermit = result.NewValidatorPermit[i];
            n.Incentive = Fixed.ToU16(result.Incentive[i]);
            n.Dividends = Fixed.ToU16(result.Dividends[i]);
            n.Consensus = Fixed.ToU16(result.Consensus[i]);
            n.ValidatorTrust = Fixed.ToU16(result.ValidatorTrust[i]);
            n.Rank = Fixed.ToU16(result.Rank[i]);
            n.Trust = Fixed.ToU16(result.Trust[i]);
            n.EmissionRao = result.Emission[i];
            if (result.StoredBonds[i] is { } bonds)
            {
                n.Bonds = bonds;
            }

            var earned = result.ServerEmission[i] + result.ValidatorEmission[i];
            if (earned > 0)
            {
                var key = (n.Coldkey, n.Hotkey);
                var updated = state.Stakes.GetValueOrDefault(key) + earned;
                state.SetStake(n.Coldkey, n.Hotkey, updated);
                changedStakes[key] = updated;
                paid += earned;
            }
        }

        state.LastEpochBlock = block;
        state.EpochIndex++;
        var summary = Summarise(state.EpochIndex, block, result, paid);
        store.SaveEpoch(block, state.EpochIndex, neurons, changedStakes, summary);
        return summary;
    }

    public static YumaParameters ToParameters(SubnetHyperparameters hp) => new()
    {
        Kappa = hp.Kappa,
        BondsMovingAverage = hp.BondsMovingAverage,
        BondsPenalty = hp.BondsPenalty,
        Yuma3 = hp.Yuma3,
        LiquidAlpha = hp.LiquidAlpha,
        AlphaLow = hp.AlphaLow,
        AlphaHigh = hp.AlphaHigh,
        AlphaSigmoidSteepness = hp.AlphaSigmoidSteepness,
        MaxAllowedValidators = hp.MaxAllowedValidators,
        ActivityCutoffFactorMilli = hp.ActivityCutoffFactorMilli,
        Tempo = hp.Tempo,
        StakeThreshold = hp.StakeThreshold,
    };

    private static EpochSummary Summarise(ulong index, ulong block, YumaEpochResult r, ulong paid)
    {
        var topIncentive = ArgMax(r.Incentive);
        var topDividends = ArgMax(r.Dividends);
        return new EpochSummary(
            index,
            block,
            r.Incentive.Length,
            r.NewValidatorPermit.Count(p => p),
            paid,
            topIncentive,
            topIncentive < 0 ? (ushort)0 : Fixed.ToU16(r.Incentive[topIncentive]),
            topDividends,
            topDividends < 0 ? (ushort)0 : Fixed.ToU16(r.Dividends[topDividends]));
    }

    private static int ArgMax(long[] values)
    {
        var best = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > 0 && (best < 0 || values[i] > values[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
