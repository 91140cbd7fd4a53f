namespace Sn19.Actors.Subnet.Weights;

using Sn19.Actors.Mechanism;

/// <summary>
/// Computes one round: weights per hotkey, then uids **by hotkey from the metagraph read at this moment**
/// (quirk 15: a uid that changed hands must not inherit its old owner's weight), then u16 quantisation.
/// Hotkeys no longer registered are dropped before quantisation.
/// </summary>
internal static class WeightRound
{
    public static WeightRoundRecord Compute(
        long round,
        DateTimeOffset at,
        IReadOnlyList<TaskWeight> tasks,
        IReadOnlyList<ContenderAggregate> aggregates,
        IReadOnlyList<NeuronIdentity> metagraph,
        MechanismOptions options)
    {
        var result = WeightCalculator.Compute(tasks, aggregates, options);
        var uidOf = new Dictionary<string, ushort>(metagraph.Count, StringComparer.Ordinal);
        foreach (var n in metagraph)
        {
            uidOf[n.Hotkey] = n.Uid;
        }

        var weights = WeightQuantiser.Quantise(result.Miners
            .Where(m => uidOf.ContainsKey(m.Hotkey))
            .Select(m => KeyValuePair.Create(uidOf[m.Hotkey], m.Weight)));
        var valueOf = weights.ToDictionary(w => w.Uid, w => w.Value);
        var rows = result.Miners.Select(m =>
        {
            ushort? uid = uidOf.TryGetValue(m.Hotkey, out var u) ? u : null;
            var value = uid is { } id ? valueOf.GetValueOrDefault(id) : (ushort)0;
            return new MinerWeightRow(m.Hotkey, uid, m.Weight, value);
        }).ToList();
        return new WeightRoundRecord(round, at, rows, result.Contenders, weights);
    }
}
