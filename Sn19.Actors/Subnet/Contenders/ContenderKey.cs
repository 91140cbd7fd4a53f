namespace Sn19.Actors.Subnet.Contenders;

/// <summary>A contender: one miner hotkey on one task, as seen by this validator.</summary>
public readonly record struct ContenderKey(string Hotkey, string TaskId)
{
    /// <summary>The persistence id of its journal ("contender/&lt;hotkey&gt;/&lt;task&gt;").</summary>
    public string PersistenceId => $"contender/{Hotkey}/{TaskId}";

    public override string ToString() => $"{Hotkey}/{TaskId}";

    /// <summary>The contender a persistence id names, or null when it names something else.</summary>
    public static ContenderKey? FromPersistenceId(string persistenceId)
    {
        var parts = persistenceId.Split('/');
        return parts is ["contender", { Length: > 0 } hotkey, { Length: > 0 } task] ? new ContenderKey(hotkey, task) : null;
    }
}
