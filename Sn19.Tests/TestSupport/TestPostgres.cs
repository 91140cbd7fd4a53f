namespace Sn19.Tests.TestSupport;

using Npgsql;

/// <summary>
/// The real PostgreSQL that test.sh starts (connection string in SN19_TEST_POSTGRES). Each test class takes its
/// own schema so classes run in parallel without clashing. A missing variable fails the test, never skips it.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "SN19_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. PostgreSQL tests need a real server: run ./test.sh (it starts one and exports " +
                $"{Variable}), or export {Variable}=$(bash scripts/ensure-postgres.sh).");

    /// <summary>The journal on this server in <paramref name="schema"/>, as a cluster node configures it.</summary>
    public static Sn19.Actors.Persistence.PersistenceOptions Persistence(string schema) => new()
    {
        Provider = "postgres",
        Postgres = new Sn19.Actors.Persistence.PostgresPersistenceOptions { ConnectionString = ConnectionString, Schema = schema },
    };

    public static string UniqueSchema(string prefix) =>
        $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];

    public static async Task DropSchemaAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        await command.ExecuteNonQueryAsync();
    }
}
