namespace Sn19.Actors.Chain.Local;

using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

/// <summary>The SQL text and row mapping of <see cref="ChainStore"/>.</summary>
internal static class ChainSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS chain_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS neurons (
            uid INTEGER PRIMARY KEY, hotkey TEXT NOT NULL UNIQUE, coldkey TEXT NOT NULL,
            registered_at INTEGER NOT NULL, last_update INTEGER NOT NULL,
            axon_ip TEXT, axon_port INTEGER NOT NULL,
            permit INTEGER NOT NULL, active INTEGER NOT NULL,
            incentive INTEGER NOT NULL, dividends INTEGER NOT NULL, trust INTEGER NOT NULL,
            validator_trust INTEGER NOT NULL, consensus INTEGER NOT NULL, rank INTEGER NOT NULL,
            emission INTEGER NOT NULL, weights BLOB NOT NULL, bonds BLOB NOT NULL,
            weights_set_at INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS stakes (
            coldkey TEXT NOT NULL, hotkey TEXT NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY (coldkey, hotkey));
        CREATE TABLE IF NOT EXISTS epochs (
            idx INTEGER PRIMARY KEY, block INTEGER NOT NULL, neurons INTEGER NOT NULL, validators INTEGER NOT NULL,
            emission INTEGER NOT NULL, top_incentive_uid INTEGER NOT NULL, top_incentive INTEGER NOT NULL,
            top_dividends_uid INTEGER NOT NULL, top_dividends INTEGER NOT NULL);
        """;

    /// <summary>Chains created before weights_set_at existed get the column (0: no weights set yet).</summary>
    public const string HasWeightsSetAt = "SELECT COUNT(*) FROM pragma_table_info('neurons') WHERE name = 'weights_set_at'";

    public const string AddWeightsSetAt = "ALTER TABLE neurons ADD COLUMN weights_set_at INTEGER NOT NULL DEFAULT 0";

    public const string SelectNeurons = """
        SELECT uid, hotkey, coldkey, registered_at, last_update, axon_ip, axon_port, permit, active,
               incentive, dividends, trust, validator_trust, consensus, rank, emission, weights, bonds, weights_set_at
        FROM neurons ORDER BY uid
        """;

    // Keyed by uid: a replaced uid overwrites the old holder's row; the hotkey is unique, so the old hotkey is gone.
    public const string UpsertNeuron = """
        INSERT OR REPLACE INTO neurons(uid, hotkey, coldkey, registered_at, last_update, axon_ip, axon_port, permit,
            active, incentive, dividends, trust, validator_trust, consensus, rank, emission, weights, bonds, weights_set_at)
        VALUES ($uid, $hotkey, $coldkey, $reg, $upd, $ip, $port, $permit, $active, $inc, $div, $trust, $vtrust,
            $cons, $rank, $em, $w, $b, $wset)
        """;

    public const string InsertEpoch = """
        INSERT OR REPLACE INTO epochs(idx, block, neurons, validators, emission, top_incentive_uid, top_incentive,
            top_dividends_uid, top_dividends)
        VALUES ($idx, $block, $n, $v, $em, $tiu, $ti, $tdu, $td)
        """;

    public const string SelectEpochs = """
        SELECT idx, block, neurons, validators, emission, top_incentive_uid, top_incentive, top_dividends_uid, top_dividends
        FROM epochs ORDER BY idx DESC LIMIT $limit
        """;

    public static NeuronRecord ReadNeuron(SqliteDataReader r) => new()
    {
        Uid = (ushort)r.GetInt64(0),
        Hotkey = r.GetString(1),
        Coldkey = r.GetString(2),
        RegisteredAt = (ulong)r.GetInt64(3),
        LastUpdate = (ulong)r.GetInt64(4),
        AxonIp = r.IsDBNull(5) ? null : r.GetString(5),
        AxonPort = (int)r.GetInt64(6),
        ValidatorPermit = r.GetInt64(7) != 0,
        Active = r.GetInt64(8) != 0,
        Incentive = (ushort)r.GetInt64(9),
        Dividends = (ushort)r.GetInt64(10),
        Trust = (ushort)r.GetInt64(11),
        ValidatorTrust = (ushort)r.GetInt64(12),
        Consensus = (ushort)r.GetInt64(13),
        Rank = (ushort)r.GetInt64(14),
        EmissionRao = (ulong)r.GetInt64(15),
        Weights = DecodePairs((byte[])r[16]),
        Bonds = DecodePairs((byte[])r[17]),
        WeightsSetAt = (ulong)r.GetInt64(18),
    };

    public static void BindNeuron(SqliteCommand cmd, NeuronRecord n)
    {
        var p = cmd.Parameters;
        p.AddWithValue("$uid", (long)n.Uid);
        p.AddWithValue("$hotkey", n.Hotkey);
        p.AddWithValue("$coldkey", n.Coldkey);
        p.AddWithValue("$reg", (long)n.RegisteredAt);
        p.AddWithValue("$upd", (long)n.LastUpdate);
        p.AddWithValue("$ip", (object?)n.AxonIp ?? DBNull.Value);
        p.AddWithValue("$port", (long)n.AxonPort);
        p.AddWithValue("$permit", n.ValidatorPermit ? 1L : 0L);
        p.AddWithValue("$active", n.Active ? 1L : 0L);
        p.AddWithValue("$inc", (long)n.Incentive);
        p.AddWithValue("$div", (long)n.Dividends);
        p.AddWithValue("$trust", (long)n.Trust);
        p.AddWithValue("$vtrust", (long)n.ValidatorTrust);
        p.AddWithValue("$cons", (long)n.Consensus);
        p.AddWithValue("$rank", (long)n.Rank);
        p.AddWithValue("$em", (long)n.EmissionRao);
        p.AddWithValue("$w", EncodePairs(n.Weights));
        p.AddWithValue("$b", EncodePairs(n.Bonds));
        p.AddWithValue("$wset", (long)n.WeightsSetAt);
    }

    public static EpochSummary ReadEpoch(SqliteDataReader r) => new(
        (ulong)r.GetInt64(0),
        (ulong)r.GetInt64(1),
        (int)r.GetInt64(2),
        (int)r.GetInt64(3),
        (ulong)r.GetInt64(4),
        (int)r.GetInt64(5),
        (ushort)r.GetInt64(6),
        (int)r.GetInt64(7),
        (ushort)r.GetInt64(8));

    public static void BindEpoch(SqliteCommand cmd, EpochSummary s)
    {
        var p = cmd.Parameters;
        p.AddWithValue("$idx", (long)s.Index);
        p.AddWithValue("$block", (long)s.Block);
        p.AddWithValue("$n", (long)s.Neurons);
        p.AddWithValue("$v", (long)s.Validators);
        p.AddWithValue("$em", (long)s.EmissionRao);
        p.AddWithValue("$tiu", (long)s.TopIncentiveUid);
        p.AddWithValue("$ti", (long)s.TopIncentive);
        p.AddWithValue("$tdu", (long)s.TopDividendsUid);
        p.AddWithValue("$td", (long)s.TopDividends);
    }

    public static byte[] EncodePairs(UidValue[] pairs)
    {
        var bytes = new byte[pairs.Length * 4];
        for (var i = 0; i < pairs.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), pairs[i].Uid);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((i * 4) + 2), pairs[i].Value);
        }

        return bytes;
    }

    public static UidValue[] DecodePairs(byte[] bytes)
    {
        var pairs = new UidValue[bytes.Length / 4];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new UidValue(
                BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 4)),
                BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((i * 4) + 2)));
        }

        return pairs;
    }
}
