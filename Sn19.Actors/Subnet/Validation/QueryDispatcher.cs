namespace Sn19.Actors.Subnet.Validation;

using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// Sends the synthetic queries the task actors hand it: writes the prompt (seeded by period and query id),
/// queries the miner's axon, classifies the outcome, records it in the contender and the task, and offers
/// a successful result for a quality check. An Akka.Streams pipeline runs it:
/// <code>
///   Submit ──▶ bounded channel ──▶ ChannelSource ──▶ kill switch ──▶ SelectAsyncUnordered(max-concurrent-queries) ──▶ Sink.Ignore
/// </code>
/// A full channel drops the query at <see cref="Submit"/> (the task's schedule counts it as lost) rather than
/// letting work pile up without bound; the stream pulls from the channel only as fast as queries finish.
/// </summary>
internal sealed class QueryDispatcher : ISyntheticQuerySink
{
    private readonly Channel<SyntheticQueryRequest> _queue;
    private readonly ValidatorSettings _settings;
    private readonly SyntheticPayloadGenerator _synthetics;
    private readonly MinerQueryClient _client;
    private readonly MetagraphWatcher _metagraph;
    private readonly IContenderGateway _contenders;
    private readonly CheckQueue _checks;
    private readonly ILogger _logger;

    public QueryDispatcher(
        ValidatorSettings settings, SyntheticPayloadGenerator synthetics, MinerQueryClient client, MetagraphWatcher metagraph,
        IContenderGateway contenders, CheckQueue checks, ILogger logger)
    {
        _settings = settings;
        _synthetics = synthetics;
        _client = client;
        _metagraph = metagraph;
        _contenders = contenders;
        _checks = checks;
        _logger = logger;
        _queue = Channel.CreateBounded<SyntheticQueryRequest>(new BoundedChannelOptions(Math.Max(64, settings.MaxConcurrentQueries * 8))
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public bool Submit(SyntheticQueryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_queue.Writer.TryWrite(request))
        {
            return true;
        }

        ValidatorLog.Dropped(_logger, request.QueryId, request.TaskId, request.Hotkey);
        return false;
    }

    /// <summary>Runs the pipeline on <paramref name="materializer"/> until cancelled; queries in flight then end
    /// cancelled, and those not yet sent are abandoned, as the reference abandons a period's leftovers.</summary>
    public async Task RunAsync(IMaterializer materializer, CancellationToken cancellationToken)
    {
        var (stop, done) = ChannelSource.FromReader(_queue.Reader)
            .ViaMaterialized(KillSwitches.Single<SyntheticQueryRequest>(), Keep.Right)
            .SelectAsyncUnordered(_settings.MaxConcurrentQueries, request => ProcessSafelyAsync(request, cancellationToken))
            .ToMaterialized(Sink.Ignore<NotUsed>(), Keep.Both)
            .Run(materializer);
        await using (cancellationToken.Register(stop.Shutdown))
        {
            await done;
        }
    }

    /// <summary>One query; a failure is logged and ends that query only, never the pipeline.</summary>
    private async Task<NotUsed> ProcessSafelyAsync(SyntheticQueryRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            ValidatorLog.QueryCrashed(_logger, error, request.QueryId, request.TaskId, request.Hotkey);
        }

        return NotUsed.Instance;
    }

    private async Task ProcessAsync(SyntheticQueryRequest request, CancellationToken cancellationToken)
    {
        if (_settings.Tasks.FindEnabled(request.TaskId) is not { } task)
        {
            return;
        }

        var payload = Payload(task, request);
        var axon = _metagraph.Current.Axon(request.Hotkey);
        var result = axon is null
            ? QueryResult.Failed("the miner has no axon", null, TimeSpan.Zero)
            : await _client.QueryAsync(axon, request.Hotkey, payload, cancellationToken);
        var outcome = OutcomeClassifier.Classify(QueryObservations.From(result, payload.MaxTokens), _settings.Mechanism.CharactersPerToken);
        ValidatorLog.Queried(_logger, request.QueryId, request.TaskId, request.Hotkey, outcome.Kind.ToString(), result.Failure ?? "");

        var key = new ContenderKey(request.Hotkey, request.TaskId);
        await _contenders.RecordAsync(key, request.QueryId, request.At, false, outcome, cancellationToken);
        request.ReplyTo.Tell(new QueryCompleted(request.Hotkey, false, outcome.Kind, outcome.Work));

        if (outcome.Kind == QueryOutcomeKind.Ok)
        {
            _checks.Offer(new CheckCandidate(
                request.Hotkey, request.TaskId, task.Model, request.QueryId, request.At,
                JsonSerializer.Serialize(payload), JsonSerializer.Serialize(result.Chunks)));
        }
    }

    /// <summary>The synthetic prompt of one query: a pure function of the seed, period, task and query id.</summary>
    private TextRequest Payload(TaskDefinition task, SyntheticQueryRequest request)
    {
        var seed = SeededRandom.Hash(_settings.Seed, [request.Period, request.QueryId, SeededRandom.Key(task.Id)]);
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        return task.Kind == TaskKind.Chat ? _synthetics.Chat(task.Id, random) : _synthetics.Completion(task.Id, random);
    }
}
