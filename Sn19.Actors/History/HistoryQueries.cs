namespace Sn19.Actors.History;

using System.Data.Common;
using static Sn19.Actors.History.HistorySql;

/// <summary>
/// The reads the dashboard and the export make. Each is one indexed range: the latest period's rows (by the primary
/// key's period prefix), a miner's history (by hotkey and period), rows and rounds between two times (by their time
/// index), organic samples since a time.
/// </summary>
public sealed class HistoryQueries(HistoryStore store)
{
    private const string PeriodColumns =
        "period, period_start, period_end, task, hotkey, uid, declared, capacity, ok, rate_limited, failed, quality, speed, score, weight, incentive";

    /// <summary>The last period with rows, or null before any closed.</summary>
    public async Task<long?> LatestPeriodAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.Database.OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT MAX(period) FROM {store.Periods}");
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<IReadOnlyList<PeriodHistoryRow>> PeriodAsync(long period, CancellationToken cancellationToken) =>
        PeriodRowsAsync($"WHERE period = @a ORDER BY task, uid, hotkey", period, null, cancellationToken);

    /// <summary>A miner's rows whose period ended at or after <paramref name="since"/>, oldest first.</summary>
    public Task<IReadOnlyList<PeriodHistoryRow>> MinerAsync(string hotkey, DateTimeOffset since, CancellationToken cancellationToken) =>
        PeriodRowsAsync($"WHERE hotkey = @a AND period_end >= @b ORDER BY period, task", hotkey, Millis(since), cancellationToken);

    /// <summary>Rows of the periods that ended in [<paramref name="from"/>, <paramref name="to"/>), in period order.</summary>
    public Task<IReadOnlyList<PeriodHistoryRow>> PeriodsBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        PeriodRowsAsync($"WHERE period_end >= @a AND period_end < @b ORDER BY period, task, uid, hotkey", Millis(from), Millis(to), cancellationToken);

    /// <summary>The last <paramref name="limit"/> rounds, newest first.</summary>
    public async Task<IReadOnlyList<WeightRoundSummary>> RoundsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.Database.OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT round, period, at, status, detail, block, miners FROM {store.Rounds} ORDER BY round DESC LIMIT @limit");
        Parameter(command, "limit", limit);
        var rounds = new List<WeightRoundSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rounds.Add(new WeightRoundSummary(
                Long(reader, 0), reader.IsDBNull(1) ? null : Long(reader, 1), Time(reader, 2), reader.GetString(3), NullableString(reader, 4),
                (ulong)Long(reader, 5), Int(reader, 6)));
        }

        return rounds;
    }

    public Task<IReadOnlyList<WeightHistoryRow>> RoundWeightsAsync(long round, CancellationToken cancellationToken) =>
        WeightRowsAsync("WHERE round = @a ORDER BY weight DESC, hotkey", round, null, cancellationToken);

    /// <summary>Every miner's weight in the rounds set in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public Task<IReadOnlyList<WeightHistoryRow>> WeightsBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        WeightRowsAsync("WHERE at >= @a AND at < @b ORDER BY round, uid, hotkey", Millis(from), Millis(to), cancellationToken);

    /// <summary>A miner's weight in every round set since <paramref name="since"/>, oldest first.</summary>
    public Task<IReadOnlyList<WeightHistoryRow>> MinerWeightsAsync(string hotkey, DateTimeOffset since, CancellationToken cancellationToken) =>
        WeightRowsAsync("WHERE hotkey = @a AND at >= @b ORDER BY round", hotkey, Millis(since), cancellationToken);

    /// <summary>Organic traffic since <paramref name="since"/>, per task, per key and overall (ids "" stand for all).</summary>
    public async Task<IReadOnlyList<OrganicUsageTotal>> OrganicSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await store.Database.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT task, key_id, requests, failed, prompt_tokens, completion_tokens, first_token, total FROM {store.Organic} WHERE at >= @since");
        Parameter(command, "since", Millis(since));
        var groups = new Dictionary<(string Task, string Key), UsageAccumulator>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var task = reader.GetString(0);
            var key = reader.GetString(1);
            var sample = new UsageAccumulator();
            sample.Add(Long(reader, 2), Long(reader, 3), Long(reader, 4), Long(reader, 5), LatencyBuckets.Parse(reader.GetString(6)), LatencyBuckets.Parse(reader.GetString(7)));
            foreach (var group in new[] { (task, key), (task, ""), ("", key), ("", "") })
            {
                if (!groups.TryGetValue(group, out var total))
                {
                    groups[group] = total = new UsageAccumulator();
                }

                total.Add(sample);
            }
        }

        return groups.OrderBy(g => g.Key.Task, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => g.Value.ToTotal(g.Key.Task, g.Key.Key)).ToList();
    }

    private async Task<IReadOnlyList<PeriodHistoryRow>> PeriodRowsAsync(string where, object a, object? b, CancellationToken cancellationToken)
    {
        await using var connection = await store.Database.OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {PeriodColumns} FROM {store.Periods} {where}");
        Parameter(command, "a", a);
        if (b is not null)
        {
            Parameter(command, "b", b);
        }

        var rows = new List<PeriodHistoryRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadPeriodRow(reader));
        }

        return rows;
    }

    private async Task<IReadOnlyList<WeightHistoryRow>> WeightRowsAsync(string where, object a, object? b, CancellationToken cancellationToken)
    {
        await using var connection = await store.Database.OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT round, at, hotkey, uid, weight, value FROM {store.Weights} {where}");
        Parameter(command, "a", a);
        if (b is not null)
        {
            Parameter(command, "b", b);
        }

        var rows = new List<WeightHistoryRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WeightHistoryRow(Long(reader, 0), Time(reader, 1), reader.GetString(2), Uid(reader, 3), Double(reader, 4), Int(reader, 5)));
        }

        return rows;
    }

    private static PeriodHistoryRow ReadPeriodRow(DbDataReader r) => new(
        Long(r, 0), Time(r, 1), Time(r, 2), r.GetString(3), r.GetString(4), Uid(r, 5), Double(r, 6), Double(r, 7), Int(r, 8), Int(r, 9), Int(r, 10),
        NullableDouble(r, 11), NullableDouble(r, 12), NullableDouble(r, 13), NullableDouble(r, 14), NullableDouble(r, 15));
}
