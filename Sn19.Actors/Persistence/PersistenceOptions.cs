namespace Sn19.Actors.Persistence;

/// <summary>Bound from the HOCON section <c>persistence</c> (hocon/defaults/persistence.conf).</summary>
public sealed class PersistenceOptions
{
    /// <summary>persistence.provider: "sqlite" (one node) or "postgres" (a cluster on one database).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>persistence.snapshot-every: a persistent actor saves a snapshot after this many events; 0 = never.</summary>
    public int SnapshotEvery { get; set; } = 1000;

    public SqlitePersistenceOptions Sqlite { get; set; } = new();

    public PostgresPersistenceOptions Postgres { get; set; } = new();

    public void Validate()
    {
        if (Provider is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"persistence.provider must be \"sqlite\" or \"postgres\" (was \"{Provider}\").");
        }

        if (SnapshotEvery < 0)
        {
            throw new ArgumentException($"persistence.snapshot-every must be >= 0 (was {SnapshotEvery}).");
        }

        if (Provider == "sqlite")
        {
            Sqlite.Validate();
        }
        else
        {
            Postgres.Validate();
        }
    }
}
