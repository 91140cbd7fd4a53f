namespace Sn19.Actors.Mechanism;

/// <summary>
/// From contender aggregates to miner weights (reference §7 steps 3–8):
///   1. per task, contenders with a quality and a speed metric are ranked by speed → bonus;
///   2. CQ = Q × (1 + bonus); E = CQ × P × capacity (0 without a quality);
///   3. per task s = E / ΣE, s' = s^k / Σ s^k;
///   4. S_h = Σ_task weight_t × s'_{h,t}; weight_h = S_h / ΣS.
/// Contenders of tasks that are not in <c>tasks</c> (disabled, unknown) are ignored.
/// </summary>
internal static class WeightCalculator
{
    public static WeightResult Compute(
        IReadOnlyList<TaskWeight> tasks, IReadOnlyList<ContenderAggregate> contenders, MechanismOptions options)
    {
        var byTask = new Dictionary<string, List<ContenderAggregate>>(tasks.Count, StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            byTask[task.TaskId] = [];
        }

        foreach (var c in contenders)
        {
            if (byTask.TryGetValue(c.TaskId, out var list))
            {
                list.Add(c);
            }
        }

        var minerScores = new Dictionary<string, double>(StringComparer.Ordinal);
        var breakdown = new List<ContenderBreakdown>(contenders.Count);
        foreach (var task in tasks.OrderBy(t => t.TaskId, StringComparer.Ordinal))
        {
            var members = byTask[task.TaskId];
            members.Sort((a, b) => string.CompareOrdinal(a.Hotkey, b.Hotkey));
            ScoreTask(task, members, options, minerScores, breakdown);
        }

        var total = minerScores.Values.Sum();
        var miners = minerScores
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new MinerWeight(kv.Key, total > 0 ? kv.Value / total : 0))
            .ToList();
        return new WeightResult(miners, breakdown);
    }

    private static void ScoreTask(
        TaskWeight task,
        List<ContenderAggregate> members,
        MechanismOptions options,
        Dictionary<string, double> minerScores,
        List<ContenderBreakdown> breakdown)
    {
        var n = members.Count;
        var bonuses = new double[n];
        var ranked = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (members[i].Quality is not null && members[i].SpeedMetric is not null)
            {
                ranked.Add(i);
            }
        }

        var metrics = new double[ranked.Count];
        for (var r = 0; r < ranked.Count; r++)
        {
            metrics[r] = members[ranked[r]].SpeedMetric!.Value;
        }

        var rankedBonuses = new double[ranked.Count];
        SpeedBonus.Compute(metrics, rankedBonuses, options.SpeedBonusMax);
        for (var r = 0; r < ranked.Count; r++)
        {
            bonuses[ranked[r]] = rankedBonuses[r];
        }

        var combined = new double[n];
        var effective = new double[n];
        var totalEffective = 0.0;
        for (var i = 0; i < n; i++)
        {
            var c = members[i];
            combined[i] = c.Quality is { } q ? q * (1 + bonuses[i]) : 0;
            effective[i] = Math.Max(combined[i] * c.Period.Value * c.Capacity, 0);
            totalEffective += effective[i];
        }

        var shares = new double[n];
        TaskShares.Normalise(effective, shares, options.NormalisationExponent);
        for (var i = 0; i < n; i++)
        {
            var c = members[i];
            minerScores[c.Hotkey] = minerScores.GetValueOrDefault(c.Hotkey) + (task.Weight * shares[i]);
            breakdown.Add(new ContenderBreakdown(
                c.Hotkey, c.TaskId, c.Quality, bonuses[i], combined[i], c.Period.Value, c.Period.Multiplier,
                c.Capacity, effective[i], TaskShares.Linear(effective[i], totalEffective), shares[i]));
        }
    }
}
