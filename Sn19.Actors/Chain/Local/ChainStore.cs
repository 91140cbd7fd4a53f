namespace Sn19.Actors.Chain.Local;

using Microsoft.Data.Sqlite;

/// <summary>
/// The local chain's SQLite state: one row per uid, one per (coldkey, hotkey) stake, one per epoch, and the
/// block counters. Weights and bonds are BLOBs of little-endian (u16 uid, u16 value) pairs, 4 bytes each
/// (≤ 1 KiB per row at 256 uids). The connection stays open for the chain's life, so a shared-cache
/// in-memory database lives exactly as long as the chain. Not thread-safe: the chain serialises calls.
/// </summary>
internal sealed class ChainStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private ChainStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (and creates) the database; a file path, or ":memory:" for a private in-memory chain.</summary>
    public static ChainStore Open(string pathOrMemory)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = pathOrMemory, Pooling = false };
        if (pathOrMemory != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(pathOrMemory));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var store = new ChainStore(connection);
        store.Execute(pathOrMemory == ":memory:" ? "PRAGMA journal_mode=MEMORY;" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        store.Execute(ChainSchema.Create);
        using (var has = store.Command(ChainSchema.HasWeightsSetAt))
        {
            if (Convert.ToInt64(has.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                store.Execute(ChainSchema.AddWeightsSetAt);
            }
        }

        return store;
    }

    public ChainSnapshot Load()
    {
        var meta = new Dictionary<string, ulong>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT key, value FROM chain_meta"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                meta[reader.GetString(0)] = (ulong)reader.GetInt64(1);
            }
        }

        var neurons = new List<NeuronRecord>();
        using (var cmd = Command(ChainSchema.SelectNeurons))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                neurons.Add(ChainSchema.ReadNeuron(reader));
            }
        }

        var stakes = new Dictionary<(string, string), ulong>();
        using (var cmd = Command("SELECT coldkey, hotkey, amount FROM stakes"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                stakes[(reader.GetString(0), reader.GetString(1))] = (ulong)reader.GetInt64(2);
            }
        }

        return new ChainSnapshot(
            meta.GetValueOrDefault("block"),
            meta.GetValueOrDefault("last_epoch_block"),
            meta.GetValueOrDefault("epoch_index"),
            neurons,
            stakes);
    }

    public void SaveBlock(ulong block) => SaveMeta("block", block);

    public void SaveNeuron(NeuronRecord neuron)
    {
        using var tx = _connection.BeginTransaction();
        WriteNeuron(neuron, tx);
        tx.Commit();
    }

    public void SaveStake(string coldkey, string hotkey, ulong amount)
    {
        using var tx = _connection.BeginTransaction();
        WriteStake(coldkey, hotkey, amount, tx);
        tx.Commit();
    }

    /// <summary>Everything an epoch changed, in one transaction: a crash leaves the chain before or after it.</summary>
    public void SaveEpoch(
        ulong block,
        ulong epochIndex,
        IEnumerable<NeuronRecord> neurons,
        IEnumerable<KeyValuePair<(string Coldkey, string Hotkey), ulong>> stakes,
        EpochSummary summary)
    {
        using var tx = _connection.BeginTransaction();
        WriteMeta("block", block, tx);
        WriteMeta("last_epoch_block", block, tx);
        WriteMeta("epoch_index", epochIndex, tx);
        foreach (var n in neurons)
        {
            WriteNeuron(n, tx);
        }

        foreach (var (key, amount) in stakes)
        {
            WriteStake(key.Coldkey, key.Hotkey, amount, tx);
        }

        using (var cmd = Command(ChainSchema.InsertEpoch, tx))
        {
            ChainSchema.BindEpoch(cmd, summary);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    public IReadOnlyList<EpochSummary> LoadEpochs(int limit)
    {
        using var cmd = Command(ChainSchema.SelectEpochs);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<EpochSummary>();
        while (reader.Read())
        {
            list.Add(ChainSchema.ReadEpoch(reader));
        }

        return list;
    }

    public void Dispose() => _connection.Dispose();

    private void SaveMeta(string key, ulong value)
    {
        using var tx = _connection.BeginTransaction();
        WriteMeta(key, value, tx);
        tx.Commit();
    }

    private void WriteMeta(string key, ulong value, SqliteTransaction tx)
    {
        using var cmd = Command("INSERT INTO chain_meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = $v", tx);
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", (long)value);
        cmd.ExecuteNonQuery();
    }

    private void WriteNeuron(NeuronRecord neuron, SqliteTransaction tx)
    {
        using var cmd = Command(ChainSchema.UpsertNeuron, tx);
        ChainSchema.BindNeuron(cmd, neuron);
        cmd.ExecuteNonQuery();
    }

    private void WriteStake(string coldkey, string hotkey, ulong amount, SqliteTransaction tx)
    {
        using var cmd = Command(
            amount == 0
                ? "DELETE FROM stakes WHERE coldkey = $c AND hotkey = $h"
                : "INSERT INTO stakes(coldkey, hotkey, amount) VALUES ($c, $h, $a) ON CONFLICT(coldkey, hotkey) DO UPDATE SET amount = $a",
            tx);
        cmd.Parameters.AddWithValue("$c", coldkey);
        cmd.Parameters.AddWithValue("$h", hotkey);
        cmd.Parameters.AddWithValue("$a", (long)amount);
        cmd.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }
}
