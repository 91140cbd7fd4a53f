namespace Sn19.Tests.Actors.Cluster;

using Sn19.Actors.Cluster;
using Sn19.Actors.Hosting;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.Checks;
using Sn19.Tests.TestSupport;

/// <summary>
/// Checkers sharded by model on two nodes (PostgreSQL journal, loopback): node A has model m1 loaded, node B model
/// m2. A check goes to the node that has its model, from either node; a model nobody has is "not checked" after the
/// timeout, never a verdict against the miner.
/// </summary>
public sealed class CheckerRegionTests : IAsyncLifetime
{
    // Long enough for a region that has just started to find its coordinator (the default retry interval is 2 s).
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly string[] TaskModels = ["m1", "m2", "m-nowhere"];
    private readonly string _schema = TestPostgres.UniqueSchema("checker");

    private PersistenceOptions Persistence => TestPostgres.Persistence(_schema);

    public Task InitializeAsync() => SqlPersistenceHocon.EnsureSchemaAsync(Persistence, CancellationToken.None);

    public Task DisposeAsync() => TestPostgres.DropSchemaAsync(_schema);

    [Fact]
    public async Task ChecksRunOnTheNodeThatHasTheModel_FromEitherNode_AndAMissingModelIsNotChecked()
    {
        var ports = LoopbackPorts.Free(2);
        var (portA, portB) = (ports[0], ports[1]);
        string[] seeds = [$"127.0.0.1:{portA}"];
        var (nodeA, poolA) = await StartNodeAsync(portA, seeds, new FixedQualityChecker("m1", 0.25));
        await using var a = nodeA;
        var (nodeB, poolB) = await StartNodeAsync(portB, seeds, new FixedQualityChecker("m2", 0.75));
        await using var b = nodeB;

        var m1FromB = await poolB.CheckAsync(Candidate("m1"), CancellationToken.None);
        var m2FromA = await poolA.CheckAsync(Candidate("m2"), CancellationToken.None);
        var m2FromB = await poolB.CheckAsync(Candidate("m2"), CancellationToken.None);
        var nowhere = await poolA.CheckAsync(Candidate("m-nowhere"), CancellationToken.None);
        var unknown = await poolA.CheckAsync(Candidate("m-not-a-task-model"), CancellationToken.None);

        Assert.Equal(CheckVerdict.Scored(0.25), m1FromB);
        Assert.Equal(CheckVerdict.Scored(0.75), m2FromA);
        Assert.Equal(CheckVerdict.Scored(0.75), m2FromB);
        Assert.False(nowhere.Checked);
        Assert.Contains("m-nowhere", nowhere.Reason, StringComparison.Ordinal);
        Assert.False(unknown.Checked);
    }

    private static CheckCandidate Candidate(string model) =>
        new("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "chat", model, 1, DateTimeOffset.UnixEpoch, "{}", "{}");

    private async Task<(NodeActorSystem Node, ICheckerPool Pool)> StartNodeAsync(int port, string[] seeds, IResultChecker checker)
    {
        var cluster = new ClusterOptions { Port = port, SeedNodes = [.. seeds] }.WithCheckedModels([checker.Model]);
        var node = await NodeActorSystem.StartAsync("validator", ClusterHocon.Build(cluster, "validator", Persistence), null, null, CancellationToken.None);
        await ValidatorCluster.JoinAsync(node.System, cluster, CancellationToken.None);
        return (node, await ValidatorCluster.StartCheckersAsync(node.System, cluster, TaskModels, [checker], Timeout));
    }
}
