namespace Sn19.Actors.Subnet.Validation;

using Akka.Actor;
using Sn19.Actors.Cluster;
using Akka.Streams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Sn19.Actors.History;
using Sn19.Actors.Hosting;
using Sn19.Actors.Organic;
using Sn19.Actors.Persistence;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Weights;
using Sn19.Actors.Telemetry;
using Sn19.Actors.Wire;
using Sn19.Actors.Wire.Fiber;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// A validator node: the actor system with one persistent contender actor per (miner, task), one task actor
/// per enabled task, the weight setter and the period coordinator; the query dispatcher and the check queue
/// as streams; the organic router. The same node runs a real validator and <c>sn19 simulate</c>; only the
/// scheduler, the journal and the line to the miners differ.
/// </summary>
internal sealed class ValidatorNode : IAsyncDisposable
{
    private readonly ValidatorSettings _settings;
    private readonly NodeActorSystem _akka;
    private readonly HttpClient? _http;
    private readonly QueryDispatcher _dispatcher;
    private readonly CheckQueue _checks;
    private readonly MetagraphWatcher _metagraph;
    private readonly IMinerLine _miners;
    private readonly IReadOnlyDictionary<string, IActorRef> _tasks;
    private readonly IActorRef _weights;
    private readonly ILogger _logger;
    private readonly ClusterOptions? _cluster;

    private ValidatorNode(
        ValidatorSettings settings, NodeActorSystem akka, IContenderGateway contenders, HttpClient? http, QueryDispatcher dispatcher,
        CheckQueue checks, MetagraphWatcher metagraph, IMinerLine miners, IReadOnlyDictionary<string, IActorRef> tasks, IActorRef weights,
        OrganicRouter organic, ILogger logger, ClusterOptions? cluster)
    {
        _cluster = cluster;
        _settings = settings;
        _akka = akka;
        Contenders = contenders;
        _http = http;
        _dispatcher = dispatcher;
        _checks = checks;
        _metagraph = metagraph;
        _miners = miners;
        _tasks = tasks;
        _weights = weights;
        Organic = organic;
        _logger = logger;
    }

    /// <summary>How long a check may wait for the checker of its model on another node (loading, queued, or moving).</summary>
    private static readonly TimeSpan RemoteCheckTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a key's ledger may take to answer: long enough for an entity that is moving after a node died.</summary>
    private static readonly TimeSpan KeyAskTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The actor system's name, the same on every node of a validator's cluster.</summary>
    public const string SystemName = "validator";

    /// <summary>What the node was started with: its hotkey, tasks and mechanism.</summary>
    public ValidatorSettings Settings => _settings;

    /// <summary>The node's actors, for the admin API.</summary>
    public ActorSystem System => _akka.System;

    public IContenderGateway Contenders { get; }

    public MetagraphView Metagraph => _metagraph.Current;

    /// <summary>The weight setter (in a cluster, the proxy to the singleton).</summary>
    public IActorRef Weights => _weights;

    /// <summary>The API keys' ledgers; null outside a cluster (<c>sn19 simulate</c> sells nothing).</summary>
    public ApiKeys? Keys { get; private init; }

    /// <summary>Serves organic requests through the task actors' routing.</summary>
    public OrganicRouter Organic { get; }

    /// <summary>What the node keeps of closed periods and organic traffic for the dashboard and the export; null in
    /// <c>sn19 simulate</c>, which keeps nothing beyond its run.</summary>
    public HistoryStore? History { get; private set; }

    /// <summary>Quality checks run since start.</summary>
    public long ChecksRun => _checks.Checked;

    /// <summary>Starts a cluster node on the journal <paramref name="persistence"/> describes, with the miners over HTTP.</summary>
    /// <exception cref="ArgumentException">the cluster has more than one node on SQLite, which has one writer.</exception>
    public static async Task<ValidatorNode> StartAsync(
        ValidatorSettings settings, IChain chain, IHotkeySigner signer, IConfigurationSection? akkaSettings, PersistenceOptions persistence,
        ClusterOptions cluster, MarkovTextModel corpus, IEnumerable<IResultChecker> checkers, ILoggerFactory loggers, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistence);
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.HasOtherNodes && persistence.Provider != "postgres")
        {
            throw new ArgumentException(
                "validator.cluster.seed-nodes names other nodes, but persistence.provider is sqlite: a SQLite journal has one writer, " +
                "so only a cluster of one may use it; set persistence.provider = postgres for a cluster of several nodes", nameof(cluster));
        }

        await SqlPersistenceHocon.EnsureSchemaAsync(persistence, cancellationToken);
        var checkerList = checkers.ToList();
        cluster = cluster.WithCheckedModels(checkerList.Select(c => c.Model));
        var config = ClusterHocon.Build(cluster, SystemName, persistence, akkaSettings);
        var hosting = new ValidatorHosting(config, JournalOutlivesProcess: true, persistence.SnapshotEvery, Miners: null, cluster);
        var history = new HistoryStore(HistoryDatabase.For(persistence));
        try
        {
            await history.EnsureSchemaAsync(cancellationToken);
            var node = await StartAsync(settings, chain, signer, hosting, corpus, checkerList, loggers, time, cancellationToken);
            node.History = history;
            return node;
        }
        catch
        {
            await history.Database.DisposeAsync();
            throw;
        }
    }

    public static async Task<ValidatorNode> StartAsync(
        ValidatorSettings settings, IChain chain, IHotkeySigner signer, ValidatorHosting hosting, MarkovTextModel corpus,
        IEnumerable<IResultChecker> checkers, ILoggerFactory loggers, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(hosting);
        var logger = loggers.CreateLogger("Sn19.Validator");
        var akka = await NodeActorSystem.StartAsync(SystemName, hosting.Akka, loggers, null, cancellationToken);
        var metagraph = new MetagraphWatcher(chain, logger);
        IActorRef? region = null;
        ApiKeys? keys = null;
        if (hosting.Cluster is { } cluster)
        {
            // Every node keeps its own view fresh (the organic router and a coordinator taking over read it); the
            // period coordinator also reads the chain itself at each period start.
            akka.System.ActorOf(MetagraphRefreshActor.Props(metagraph, settings.MetagraphRefresh), "metagraph");
            await ValidatorCluster.JoinAsync(akka.System, cluster, cancellationToken);
            region = await ValidatorCluster.StartContendersAsync(akka.System, cluster, settings.Mechanism, hosting.SnapshotEvery);
            keys = new ApiKeys(akka.System, await ValidatorCluster.StartApiKeysAsync(akka.System, cluster, settings.ReservationHold), KeyAskTimeout);
        }

        var contenders = new ActorContenders(akka.System, settings.Mechanism, hosting.SnapshotEvery, hosting.JournalOutlivesProcess, region);

        HttpClient? http = null;
        var miners = hosting.Miners;
        if (miners is null)
        {
            http = MinerQueryClient.CreateHttpClient(settings.Timeouts);
            var wire = new PeerWires(new EnvelopeWire(signer, time), new FiberWire(http, signer, time), settings.Fiber);
            miners = new AxonMinerLine(
                metagraph, new CapacityClient(http, wire, time, settings.CapacityTimeout), new MinerQueryClient(http, wire, settings.Timeouts, time));
        }

        ICheckerPool checkerPool = hosting.Cluster is { } withCheckers
            ? await ValidatorCluster.StartCheckersAsync(akka.System, withCheckers, settings.Tasks.Enabled.Select(t => t.Model), checkers, RemoteCheckTimeout)
            : new ModelShardedCheckerPool(checkers);
        var checks = new CheckQueue(settings.Tasks, settings.Mechanism, checkerPool, contenders, akka.System.Scheduler, logger);
        var sender = new QuerySender(miners, contenders, checks, settings.Mechanism, logger);
        var dispatcher = new QueryDispatcher(settings, new SyntheticPayloadGenerator(corpus, settings.Synthetics), sender, logger);
        var tasks = settings.Tasks.Enabled.ToDictionary(
            t => t.Id, t => akka.System.ActorOf(TaskActor.Props(t, settings.Mechanism.Period, dispatcher), $"task-{t.Id}"), StringComparer.Ordinal);
        var weightsProps = WeightSetterActor.Props(chain, signer, contenders, new TaskRegistryHolder(settings.Tasks), settings.Mechanism, logger);
        var weights = hosting.Cluster is { } inCluster
            ? ValidatorCluster.Singleton(akka.System, inCluster, "weight-setter", weightsProps).Proxy
            : akka.System.ActorOf(weightsProps, "weight-setter");
        if (hosting.Cluster is null)
        {
            // Started means recovered: the weight setter replays its journal now, not while the first period runs
            // (on virtual time a recovery still running when the clock jumps ahead would time out). In a cluster the
            // singleton may live on another node, or move: the proxy buffers until it is there, so nothing waits here.
            await weights.Ask<IReadOnlyList<WeightHistoryEntry>>(new GetWeightsHistory(0), TimeSpan.FromSeconds(30), cancellationToken);
        }

        await metagraph.RefreshAsync(cancellationToken);
        return new ValidatorNode(
            settings, akka, contenders, http, dispatcher, checks, metagraph, miners, tasks, weights,
            new OrganicRouter(settings, new TaskLocator(akka.System, tasks, hosting.Cluster is not null), sender), logger,
            hosting.Cluster) { Keys = keys };
    }

    /// <summary>Completes once every query and check handed out so far has finished.</summary>
    public async Task SettledAsync()
    {
        await _dispatcher.Idle;
        await _checks.Idle;
    }

    /// <summary>Runs <paramref name="periods"/> scoring periods (forever when null), reporting each one closed.</summary>
    public async Task RunAsync(
        int? periods, Func<PeriodReport, Task>? periodClosed, Action<long, DateTimeOffset>? waiting, CancellationToken cancellationToken)
    {
        await using var run = StartPeriods(periods, periodClosed, waiting);
        await run.Finished.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Starts the query and check streams and the period coordinator; the run ends when <paramref name="periods"/>
    /// have closed (never when null) or when it is disposed.
    /// </summary>
    public PeriodRun StartPeriods(int? periods, Func<PeriodReport, Task>? periodClosed, Action<long, DateTimeOffset>? waiting)
    {
        var background = new CancellationTokenSource();
        var materializer = _akka.System.Materializer();
        var workers = Task.WhenAll(_dispatcher.RunAsync(materializer, background.Token), _checks.RunAsync(materializer, background.Token));
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var parts = new PeriodCoordinatorParts(
            _settings, _metagraph, _miners, Contenders, _checks, _tasks, _weights, materializer, _logger, periods,
            report => ClosedAsync(report, periodClosed), waiting, () => finished.TrySetResult());
        // In a cluster one node drives the periods (the oldest scoring node); the others' coordinators wait to take over.
        var coordinator = _cluster is { } cluster
            ? ValidatorCluster.Singleton(_akka.System, cluster, "period-coordinator", PeriodCoordinatorActor.Props(parts)).Manager
            : _akka.System.ActorOf(PeriodCoordinatorActor.Props(parts), "period-coordinator");
        return new PeriodRun(coordinator, finished.Task, background, workers);
    }

    public async ValueTask DisposeAsync()
    {
        await _akka.DisposeAsync();
        _http?.Dispose();
        if (History is not null)
        {
            await History.Database.DisposeAsync();
        }
    }

    /// <summary>A period closed: its scores are measured, it is kept in the history (with the incentive of the chain's
    /// latest Yuma epoch), then the caller hears of it. A history that cannot be written loses the row, not the period.</summary>
    private async Task ClosedAsync(PeriodReport report, Func<PeriodReport, Task>? periodClosed)
    {
        foreach (var row in report.Rows)
        {
            if (row.PeriodScore is { } score)
            {
                Sn19Metrics.PeriodScore(row.TaskId, score);
            }
        }

        if (History is not null)
        {
            try
            {
                await _metagraph.RefreshAsync(CancellationToken.None);
                await History.RecordPeriodAsync(report, _metagraph.Current, CancellationToken.None);
            }
            catch (Exception unwritten) when (unwritten is global::System.Data.Common.DbException or IOException or TimeoutException or InvalidOperationException)
            {
                ValidatorLog.HistoryNotKept(_logger, report.Period, unwritten.Message);
            }
        }

        if (periodClosed is not null)
        {
            await periodClosed(report);
        }
    }
}
