namespace Sn19.Actors.History;

using System.Data.Common;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Validation;
using static Sn19.Actors.History.HistorySql;

/// <summary>
/// What the validator keeps of its past for people to read: per closed period every contender's row, per weights
/// round its status and every miner's weight, and the gateways' organic traffic in samples of a few seconds. It is a
/// read model beside the journal, not the state itself: the contender and weight-setter entities stay the truth,
/// and a row written twice (a coordinator that failed over and closed again) is kept once.
/// </summary>
public sealed class HistoryStore(HistoryDatabase database)
{
    public HistoryDatabase Database => database;

    public string Periods => database.Prefix + "history_periods";

    public string Rounds => database.Prefix + "history_rounds";

    public string Weights => database.Prefix + "history_weights";

    public string Organic => database.Prefix + "history_organic";

    /// <summary>Creates the tables and indexes if missing (every node may race to; each statement is idempotent).</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var statement in Schema())
        {
            await using var command = Command(connection, statement);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException raced) when (database.IsPostgres && raced.SqlState is "23505" or "42P07")
            {
                // "IF NOT EXISTS" is not atomic on PostgreSQL: nodes starting together race, and the loser's table is there.
            }
        }
    }

    /// <summary>Keeps a closed period: its rows with each miner's weight in the round set after it and its incentive in
    /// <paramref name="metagraph"/> (the last Yuma epoch the chain ran), and that round with its weights.</summary>
    public async Task RecordPeriodAsync(PeriodReport report, MetagraphView metagraph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(metagraph);
        var weightOf = report.Weights?.Round.Miners.ToDictionary(m => m.Hotkey, m => m.Weight, StringComparer.Ordinal) ?? [];
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = Command(connection, $"""
            INSERT INTO {Periods} (period, task, hotkey, uid, period_start, period_end, declared, capacity, ok, rate_limited, failed,
              quality, speed, score, weight, incentive)
            VALUES (@period, @task, @hotkey, @uid, @start, @end, @declared, @capacity, @ok, @limited, @failed,
              @quality, @speed, @score, @weight, @incentive)
            ON CONFLICT (period, task, hotkey) DO NOTHING
            """, transaction))
        {
            Parameter(insert, "period", report.Period);
            Parameter(insert, "start", Millis(report.Start));
            Parameter(insert, "end", Millis(report.End));
            var row = new[] { "task", "hotkey", "uid", "declared", "capacity", "ok", "limited", "failed", "quality", "speed", "score", "weight", "incentive" }
                .Select(name => Parameter(insert, name)).ToArray();
            foreach (var r in report.Rows)
            {
                double? incentive = metagraph.TryGetNeuron(r.Hotkey, out var neuron) ? neuron.Incentive / 65535.0 : null;
                double? weight = weightOf.TryGetValue(r.Hotkey, out var w) ? w : null;
                object?[] values = [r.TaskId, r.Hotkey, r.Uid is { } uid ? (int)uid : null, r.DeclaredCapacity, r.Capacity, r.Ok, r.RateLimited,
                    r.Failed, r.Quality, r.TokensPerSecond, r.PeriodScore, weight, incentive];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i].Value = Value(values[i]);
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (report.Weights is { } entry)
        {
            await RecordRoundAsync(connection, transaction, entry, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Writes a gateway's usage: each sample holds one hour's counts so far for one (task, key), and replaces the
    /// row of that hour it wrote before. The node names one process of one gateway (its address and uid), so a restarted
    /// gateway starts rows of its own instead of overwriting the counts of its previous life.</summary>
    public async Task RecordUsageAsync(IReadOnlyCollection<OrganicUsageSample> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var upsert = Command(connection, $"""
            INSERT INTO {Organic} (node, at, task, key_id, requests, failed, prompt_tokens, completion_tokens, first_token, total)
            VALUES (@node, @at, @task, @key, @requests, @failed, @prompt, @completion, @first, @total)
            ON CONFLICT (node, at, task, key_id) DO UPDATE SET requests = excluded.requests, failed = excluded.failed,
              prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens, first_token = excluded.first_token,
              total = excluded.total
            """, transaction);
        var p = new[] { "node", "at", "task", "key", "requests", "failed", "prompt", "completion", "first", "total" }.Select(n => Parameter(upsert, n)).ToArray();
        foreach (var s in samples)
        {
            object[] values = [s.Node, Millis(s.At), s.TaskId, s.KeyId, s.Requests, s.Failed, s.PromptTokens, s.CompletionTokens, s.FirstToken.ToText(), s.Total.ToText()];
            for (var i = 0; i < p.Length; i++)
            {
                p[i].Value = values[i];
            }

            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RecordRoundAsync(DbConnection connection, DbTransaction transaction, Subnet.Weights.WeightHistoryEntry entry, CancellationToken cancellationToken)
    {
        var round = entry.Round;
        await using (var insert = Command(connection, $"""
            INSERT INTO {Rounds} (round, period, at, status, detail, block, miners) VALUES (@round, @period, @at, @status, @detail, @block, @miners)
            ON CONFLICT (round) DO NOTHING
            """, transaction))
        {
            Parameter(insert, "round", round.Round);
            Parameter(insert, "period", round.Period);
            Parameter(insert, "at", Millis(round.At));
            Parameter(insert, "status", entry.Status.ToString());
            Parameter(insert, "detail", entry.Detail);
            Parameter(insert, "block", (long)entry.Block);
            Parameter(insert, "miners", round.Miners.Count);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var weights = Command(connection, $"""
            INSERT INTO {Weights} (round, at, hotkey, uid, weight, value) VALUES (@round, @at, @hotkey, @uid, @weight, @value)
            ON CONFLICT (round, hotkey) DO NOTHING
            """, transaction);
        Parameter(weights, "round", round.Round);
        Parameter(weights, "at", Millis(round.At));
        var hotkey = Parameter(weights, "hotkey");
        var uid = Parameter(weights, "uid");
        var weight = Parameter(weights, "weight");
        var value = Parameter(weights, "value");
        foreach (var miner in round.Miners)
        {
            hotkey.Value = miner.Hotkey;
            uid.Value = Value(miner.Uid is { } u ? (int)u : null);
            weight.Value = miner.Weight;
            value.Value = (int)miner.Value;
            await weights.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private IEnumerable<string> Schema() =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS {Periods} (
          period BIGINT NOT NULL, task TEXT NOT NULL, hotkey TEXT NOT NULL, uid INTEGER NULL,
          period_start BIGINT NOT NULL, period_end BIGINT NOT NULL, declared DOUBLE PRECISION NOT NULL, capacity DOUBLE PRECISION NOT NULL,
          ok INTEGER NOT NULL, rate_limited INTEGER NOT NULL, failed INTEGER NOT NULL, quality DOUBLE PRECISION NULL,
          speed DOUBLE PRECISION NULL, score DOUBLE PRECISION NULL, weight DOUBLE PRECISION NULL, incentive DOUBLE PRECISION NULL,
          PRIMARY KEY (period, task, hotkey))
        """,
        $"CREATE INDEX IF NOT EXISTS history_periods_by_miner ON {Periods} (hotkey, period)",
        $"CREATE INDEX IF NOT EXISTS history_periods_by_end ON {Periods} (period_end)",
        $"""
        CREATE TABLE IF NOT EXISTS {Rounds} (
          round BIGINT NOT NULL PRIMARY KEY, period BIGINT NULL, at BIGINT NOT NULL, status TEXT NOT NULL, detail TEXT NULL,
          block BIGINT NOT NULL, miners INTEGER NOT NULL)
        """,
        $"CREATE INDEX IF NOT EXISTS history_rounds_by_time ON {Rounds} (at)",
        $"""
        CREATE TABLE IF NOT EXISTS {Weights} (
          round BIGINT NOT NULL, at BIGINT NOT NULL, hotkey TEXT NOT NULL, uid INTEGER NULL, weight DOUBLE PRECISION NOT NULL,
          value INTEGER NOT NULL, PRIMARY KEY (round, hotkey))
        """,
        $"CREATE INDEX IF NOT EXISTS history_weights_by_time ON {Weights} (at)",
        $"CREATE INDEX IF NOT EXISTS history_weights_by_miner ON {Weights} (hotkey, round)",
        $"""
        CREATE TABLE IF NOT EXISTS {Organic} (
          node TEXT NOT NULL, at BIGINT NOT NULL, task TEXT NOT NULL, key_id TEXT NOT NULL, requests INTEGER NOT NULL,
          failed INTEGER NOT NULL, prompt_tokens BIGINT NOT NULL, completion_tokens BIGINT NOT NULL, first_token TEXT NOT NULL,
          total TEXT NOT NULL, PRIMARY KEY (node, at, task, key_id))
        """,
        $"CREATE INDEX IF NOT EXISTS history_organic_by_time ON {Organic} (at)",
    ];
}
