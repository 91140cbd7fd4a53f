namespace Sn19.Actors.Subnet.Validation;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Hosting;
using Sn19.Actors.Chain;
using Akka.Actor;
using Akka.Streams;
using Sn19.Actors.Persistence;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Weights;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// A validator node: the journal and the actor system, one persistent contender actor per (miner, task),
/// one task actor per enabled task, the weight setter, the query dispatcher, the check queue and the
/// period coordinator that drives them.
/// </summary>
internal sealed class ValidatorNode : IAsyncDisposable
{
    private readonly ValidatorSettings _settings;
    private readonly NodeActorSystem _akka;
    private readonly HttpClient _http;
    private readonly QueryDispatcher _dispatcher;
    private readonly CheckQueue _checks;
    private readonly MetagraphWatcher _metagraph;
    private readonly CapacityClient _capacity;
    private readonly IReadOnlyDictionary<string, IActorRef> _tasks;
    private readonly IActorRef _weights;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private ValidatorNode(
        ValidatorSettings settings, NodeActorSystem akka, IContenderGateway contenders, HttpClient http,
        QueryDispatcher dispatcher, CheckQueue checks, MetagraphWatcher metagraph, CapacityClient capacity,
        IReadOnlyDictionary<string, IActorRef> tasks, IActorRef weights, TimeProvider time, ILogger logger)
    {
        _settings = settings;
        _akka = akka;
        Contenders = contenders;
        _http = http;
        _dispatcher = dispatcher;
        _checks = checks;
        _metagraph = metagraph;
        _capacity = capacity;
        _tasks = tasks;
        _weights = weights;
        _time = time;
        _logger = logger;
    }

    /// <summary>The node's actors, for the admin API.</summary>
    public ActorSystem System => _akka.System;

    public IContenderGateway Contenders { get; }

    public MetagraphView Metagraph => _metagraph.Current;

    /// <summary>Quality checks run since start.</summary>
    public long ChecksRun => _checks.Checked;

    public static async Task<ValidatorNode> StartAsync(
        ValidatorSettings settings, IChain chain, IHotkeySigner signer, IConfigurationSection? akkaSettings, PersistenceOptions persistence,
        MarkovTextModel corpus, IEnumerable<IResultChecker> checkers, ILoggerFactory loggers, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(persistence);
        var logger = loggers.CreateLogger("Sn19.Validator");
        await SqlPersistenceHocon.EnsureSchemaAsync(persistence, cancellationToken);
        var akka = await NodeActorSystem.StartAsync("validator", NodeConfig.Build(akkaSettings, persistence), loggers, null, cancellationToken);
        var contenders = new ActorContenders(akka.System, settings.Mechanism, persistence.SnapshotEvery);
        var metagraph = new MetagraphWatcher(chain, logger);
        var http = MinerQueryClient.CreateHttpClient(settings.Timeouts);
        var checks = new CheckQueue(settings.Tasks, settings.Mechanism, new ModelShardedCheckerPool(checkers), contenders, time, logger);
        var dispatcher = new QueryDispatcher(
            settings, new SyntheticPayloadGenerator(corpus, settings.Synthetics), new MinerQueryClient(http, signer, settings.Timeouts, time),
            metagraph, contenders, checks, logger);
        var tasks = settings.Tasks.Enabled.ToDictionary(
            t => t.Id, t => akka.System.ActorOf(TaskActor.Props(t, settings.Mechanism.Period, dispatcher), $"task-{t.Id}"), StringComparer.Ordinal);
        var weights = akka.System.ActorOf(
            WeightSetterActor.Props(chain, signer, contenders, new TaskRegistryHolder(settings.Tasks), settings.Mechanism, logger), "weight-setter");
        var capacity = new CapacityClient(http, signer, time, settings.CapacityTimeout);
        await metagraph.RefreshAsync(cancellationToken);
        return new ValidatorNode(settings, akka, contenders, http, dispatcher, checks, metagraph, capacity, tasks, weights, time, logger);
    }

    /// <summary>Runs <paramref name="periods"/> scoring periods (forever when null), reporting each one closed.</summary>
    public async Task RunAsync(
        int? periods, Func<PeriodReport, Task>? periodClosed, Action<long, DateTimeOffset>? waiting, CancellationToken cancellationToken)
    {
        using var background = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var materializer = _akka.System.Materializer();
        var workers = Task.WhenAll(_dispatcher.RunAsync(materializer, background.Token), _checks.RunAsync(materializer, background.Token));
        var coordinator = new PeriodCoordinator(_settings, _metagraph, _capacity, Contenders, _checks, _tasks, _weights, materializer, _time, _logger)
        {
            PeriodClosed = periodClosed,
            WaitingForPeriod = waiting,
        };
        try
        {
            await coordinator.RunAsync(periods, cancellationToken);
        }
        finally
        {
            await background.CancelAsync();
            await workers;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _akka.DisposeAsync();
        _http.Dispose();
    }
}
