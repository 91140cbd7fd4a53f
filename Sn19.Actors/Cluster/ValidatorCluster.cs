namespace Sn19.Actors.Cluster;

using Akka.Actor;
using Sn19.Actors.Subnet.Checks;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Organic;
using Sn19.Actors.Subnet.Contenders;

/// <summary>
/// The cluster side of a validator node: joining (alone, or through the seed nodes), the contender shard
/// region (hosted on <c>scoring</c> nodes, a proxy elsewhere) and the singletons (run by the oldest
/// <c>scoring</c> node, reached everywhere through a proxy).
/// </summary>
internal static class ValidatorCluster
{
    /// <summary>How long a node waits to become a member before it gives up with an error.</summary>
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);

    public static async Task JoinAsync(ActorSystem system, ClusterOptions options, CancellationToken cancellationToken)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        if (options.SeedNodes.Count == 0)
        {
            cluster.Join(cluster.SelfAddress);
        }

        try
        {
            await up.Task.WaitAsync(JoinTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException(
                $"this node ({cluster.SelfAddress}) did not join the cluster within {JoinTimeout.TotalSeconds:F0} s: " +
                $"are the seed nodes ({string.Join(", ", options.SeedNodes)}) running and reachable?");
        }
    }

    /// <summary>The API keys' ledgers: entities on <c>organic</c> nodes (they take the requests), a proxy elsewhere
    /// (the admin API manages keys from any node). <paramref name="hold"/> is how long a reservation may stay open.</summary>
    public static async Task<IActorRef> StartApiKeysAsync(ActorSystem system, ClusterOptions options, TimeSpan hold)
    {
        var sharding = ClusterSharding.Get(system);
        var extractor = new ApiKeyMessageExtractor();
        return options.Has(ClusterRoles.Organic)
            ? await sharding.StartAsync(ApiKeyRegion, keyId => ApiKeyActor.Props(keyId, hold),
                ClusterShardingSettings.Create(system).WithRole(ClusterRoles.Organic), extractor)
            : await sharding.StartProxyAsync(ApiKeyRegion, ClusterRoles.Organic, extractor);
    }

    /// <summary>The contender region: entities here when this node scores, else a proxy to the nodes that do.</summary>
    public static async Task<IActorRef> StartContendersAsync(
        ActorSystem system, ClusterOptions options, MechanismOptions mechanism, int snapshotEvery)
    {
        var sharding = ClusterSharding.Get(system);
        var extractor = new ContenderMessageExtractor();
        if (!options.Has(ClusterRoles.Scoring))
        {
            return await sharding.StartProxyAsync(ContenderRegion, ClusterRoles.Scoring, extractor);
        }

        return await sharding.StartAsync(
            ContenderRegion,
            entityId => ContenderActor.Props(
                ContenderKey.FromPersistenceId(entityId) ?? throw new ArgumentException($"'{entityId}' is not a contender id", nameof(entityId)),
                mechanism, snapshotEvery),
            ClusterShardingSettings.Create(system).WithRole(ClusterRoles.Scoring),
            extractor);
    }

    /// <summary>
    /// One checker region per task model: its entity here when this node checks that model (it has the checker role
    /// and the model loaded), else a proxy to the nodes that do.
    /// </summary>
    public static async Task<ClusterCheckerPool> StartCheckersAsync(
        ActorSystem system, ClusterOptions options, IEnumerable<string> taskModels, IEnumerable<IResultChecker> checkers, TimeSpan timeout)
    {
        var sharding = ClusterSharding.Get(system);
        var local = options.Has(ClusterRoles.Checker) ? checkers.ToDictionary(c => c.Model, StringComparer.Ordinal) : [];
        var regions = new Dictionary<string, IActorRef>(StringComparer.Ordinal);
        foreach (var model in taskModels.Distinct(StringComparer.Ordinal))
        {
            var name = CheckerRegionPrefix + model;
            var role = ClusterRoles.ChecksModel(model);
            regions[model] = local.TryGetValue(model, out var checker)
                ? await sharding.StartAsync(name, _ => CheckerEntity.Props(checker), ClusterShardingSettings.Create(system).WithRole(role), new CheckerMessageExtractor())
                : await sharding.StartProxyAsync(name, role, new CheckerMessageExtractor());
        }

        return new ClusterCheckerPool(regions, timeout);
    }

    /// <summary>Starts <paramref name="name"/> as a singleton of the scoring nodes (its manager, when this is one)
    /// and returns the manager (null elsewhere) and the proxy every node talks to it through.</summary>
    public static (IActorRef? Manager, IActorRef Proxy) Singleton(ActorSystem system, ClusterOptions options, string name, Props props)
    {
        var manager = options.Has(ClusterRoles.Scoring)
            ? system.ActorOf(
                ClusterSingletonManager.Props(props, PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system).WithRole(ClusterRoles.Scoring)),
                name)
            : null;
        var proxy = system.ActorOf(
            ClusterSingletonProxy.Props($"/user/{name}", ClusterSingletonProxySettings.Create(system).WithRole(ClusterRoles.Scoring)),
            name + "-proxy");
        return (manager, proxy);
    }

    /// <summary>A checker region's type name is this and the model (its entity lives under /system/sharding/checker-MODEL).</summary>
    public const string CheckerRegionPrefix = "checker-";

    /// <summary>The contender region's type name (its actors live under /system/sharding/contender).</summary>
    public const string ContenderRegion = "contender";

    public const string ApiKeyRegion = "api-keys";
}
