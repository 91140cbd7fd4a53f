namespace Sn19.Actors.Chain.Local;

/// <summary>
/// Uid assignment: the next free uid while the subnet has room; when it is full, the uid with the lowest
/// emission among those past their immunity period is replaced (subtensor prunes by emission since it stopped
/// computing pruning scores), ties going to the earliest registration, then the lower uid.
/// </summary>
internal static class Registration
{
    public static ChainResult<(NeuronRecord Record, string? Replaced)> Register(
        ChainState state, SubnetHyperparameters hp, string hotkey, string coldkey)
    {
        if (state.ByHotkey.TryGetValue(hotkey, out var existing))
        {
            return ChainResult<(NeuronRecord, string?)>.Fail(ChainErrorCode.AlreadyRegistered, $"hotkey {hotkey} already holds uid {existing.Uid}");
        }

        var block = state.Block;
        if (state.Neurons.Count < hp.MaxAllowedUids)
        {
            var record = new NeuronRecord { Uid = (ushort)state.Neurons.Count, Hotkey = hotkey, Coldkey = coldkey };
            record.ResetFor(hotkey, coldkey, block);
            state.Neurons.Add(record);
            state.ByHotkey[hotkey] = record;
            return ChainResult<(NeuronRecord, string?)>.Ok((record, null));
        }

        NeuronRecord? victim = null;
        foreach (var n in state.Neurons)
        {
            if (block - n.RegisteredAt < hp.ImmunityPeriod)
            {
                continue;
            }

            if (victim is null
                || n.EmissionRao < victim.EmissionRao
                || (n.EmissionRao == victim.EmissionRao && n.RegisteredAt < victim.RegisteredAt))
            {
                victim = n;
            }
        }

        if (victim is null)
        {
            var firstFree = state.Neurons.Min(n => n.RegisteredAt) + hp.ImmunityPeriod;
            return ChainResult<(NeuronRecord, string?)>.Fail(ChainErrorCode.SubnetFull,
                $"all {hp.MaxAllowedUids} uids are taken and still immune ({hp.ImmunityPeriod} blocks); the first becomes replaceable at block {firstFree}");
        }

        var old = victim.Hotkey;
        state.ByHotkey.Remove(old);
        victim.ResetFor(hotkey, coldkey, block);
        state.ByHotkey[hotkey] = victim;
        return ChainResult<(NeuronRecord, string?)>.Ok((victim, old));
    }
}
