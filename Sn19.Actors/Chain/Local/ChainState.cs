namespace Sn19.Actors.Chain.Local;

/// <summary>The local chain's in-memory state; SQLite holds the same, written through on every change.</summary>
internal sealed class ChainState
{
    private readonly Dictionary<string, ulong> _hotkeyTotals = new(StringComparer.Ordinal);

    public ulong Block { get; set; }

    public ulong LastEpochBlock { get; set; }

    public ulong EpochIndex { get; set; }

    /// <summary>Indexed by uid.</summary>
    public List<NeuronRecord> Neurons { get; } = [];

    public Dictionary<string, NeuronRecord> ByHotkey { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Coldkey, string Hotkey), ulong> Stakes { get; } = [];

    public static ChainState From(ChainSnapshot snapshot)
    {
        var state = new ChainState
        {
            Block = snapshot.Block,
            LastEpochBlock = snapshot.LastEpochBlock,
            EpochIndex = snapshot.EpochIndex,
        };
        foreach (var n in snapshot.Neurons.OrderBy(n => n.Uid))
        {
            state.Neurons.Add(n);
            state.ByHotkey[n.Hotkey] = n;
        }

        foreach (var (key, amount) in snapshot.Stakes)
        {
            state.SetStake(key.Coldkey, key.Hotkey, amount);
        }

        return state;
    }

    public ulong HotkeyStake(string hotkey) => _hotkeyTotals.GetValueOrDefault(hotkey);

    public void SetStake(string coldkey, string hotkey, ulong amount)
    {
        var before = Stakes.GetValueOrDefault((coldkey, hotkey));
        if (amount == 0)
        {
            Stakes.Remove((coldkey, hotkey));
        }
        else
        {
            Stakes[(coldkey, hotkey)] = amount;
        }

        _hotkeyTotals[hotkey] = HotkeyStake(hotkey) - before + amount;
    }
}
