namespace Sn19.Actors.Chain.Local;

/// <summary>
/// The checks of subtensor's <c>internal_set_weights</c>, in its order (chain-and-yuma.md §2.3), against the
/// local chain's state. One deliberate difference: subtensor stores a vector that weights the caller's own
/// uid next to others and drops the diagonal at the epoch; the local chain refuses it (SelfWeight) so the
/// mistake shows at the call. A vector holding only the caller's own uid is allowed, as on the chain.
/// </summary>
internal static class WeightsCheck
{
    public static ChainError? Validate(
        NeuronRecord self,
        IReadOnlyList<NeuronRecord> neurons,
        ulong hotkeyStake,
        SubnetHyperparameters hp,
        ulong block,
        IReadOnlyList<ushort> uids,
        IReadOnlyList<ushort> values,
        ulong versionKey)
    {
        var n = neurons.Count;
        if (uids.Count != values.Count)
        {
            return new(ChainErrorCode.LengthMismatch, $"{uids.Count} uids but {values.Count} values; give one value per uid");
        }

        if (uids.Count > n)
        {
            return new(ChainErrorCode.TooManyWeights, $"{uids.Count} weights but the subnet has {n} uids");
        }

        if (hotkeyStake < hp.StakeThreshold)
        {
            return new(ChainErrorCode.StakeBelowThreshold, $"uid {self.Uid} has {hotkeyStake} rao staked; setting weights needs {hp.StakeThreshold}");
        }

        if (hp.WeightsVersionKey != 0 && versionKey < hp.WeightsVersionKey)
        {
            return new(ChainErrorCode.VersionKeyTooLow, $"version key {versionKey} is below the subnet's weights version key {hp.WeightsVersionKey}; upgrade the validator");
        }

        if (self.LastUpdate != 0 && block - self.LastUpdate < hp.WeightsRateLimit)
        {
            var next = self.LastUpdate + hp.WeightsRateLimit;
            return new(ChainErrorCode.RateLimited,
                $"uid {self.Uid} last set weights (or registered) at block {self.LastUpdate}; the subnet allows one set-weights every {hp.WeightsRateLimit} blocks, so the next is allowed at block {next} (now {block})");
        }

        var onlySelf = uids.Count == 1 && uids[0] == self.Uid;
        if (!self.ValidatorPermit && !onlySelf)
        {
            return new(ChainErrorCode.NoValidatorPermit,
                $"uid {self.Uid} has no validator permit (permits go to the top {hp.MaxAllowedValidators} stakes at each epoch); without one it may only weight itself");
        }

        if (!onlySelf && uids.Contains(self.Uid))
        {
            return new(ChainErrorCode.SelfWeight, $"the weights include the caller's own uid {self.Uid}; remove it (a self-weight is only allowed alone)");
        }

        var seen = new HashSet<ushort>();
        foreach (var uid in uids)
        {
            if (!seen.Add(uid))
            {
                return new(ChainErrorCode.DuplicateUid, $"uid {uid} appears more than once");
            }

            if (uid >= n)
            {
                return new(ChainErrorCode.UnknownUid, $"uid {uid} is not registered (the subnet has uids 0..{n - 1})");
            }
        }

        var minimum = Math.Min(n, (int)hp.MinAllowedWeights);
        if (!onlySelf && uids.Count < minimum)
        {
            return new(ChainErrorCode.TooFewWeights, $"{uids.Count} weights; the subnet requires at least {minimum}");
        }

        if (hp.MaxWeightsLimit != ushort.MaxValue && uids.Count > 0)
        {
            var upscaled = WeightUpscale.MaxUpscale(values);
            ulong sum = 0;
            ulong max = 0;
            foreach (var v in upscaled)
            {
                sum += v;
                max = Math.Max(max, v);
            }

            if (sum > 0 && max * ushort.MaxValue > hp.MaxWeightsLimit * sum)
            {
                return new(ChainErrorCode.MaxWeightExceeded, $"the largest weight is {(double)max / sum:P2} of the total; the subnet allows {hp.MaxWeightsLimit / 65535.0:P2}");
            }
        }

        return null;
    }
}
