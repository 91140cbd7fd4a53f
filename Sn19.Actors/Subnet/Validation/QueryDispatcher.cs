namespace Sn19.Actors.Subnet.Validation;

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Sends the synthetic queries the task actors hand it: writes the prompt (seeded by period and query id) and
/// hands it to the <see cref="QuerySender"/>, which queries the miner and books the outcome. An Akka.Streams
/// pipeline runs it:
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
    private readonly QuerySender _sender;
    private readonly WorkInFlight _inFlight = new();
    private readonly ILogger _logger;

    public QueryDispatcher(ValidatorSettings settings, SyntheticPayloadGenerator synthetics, QuerySender sender, ILogger logger)
    {
        _settings = settings;
        _synthetics = synthetics;
        _sender = sender;
        _logger = logger;
        _queue = Channel.CreateBounded<SyntheticQueryRequest>(new BoundedChannelOptions(Math.Max(64, settings.MaxConcurrentQueries * 8))
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Completes when every accepted query has been sent and booked.</summary>
    public Task Idle => _inFlight.Idle;

    public bool Submit(SyntheticQueryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _inFlight.Start();
        if (_queue.Writer.TryWrite(request))
        {
            return true;
        }

        _inFlight.End();
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
            if (_settings.Tasks.FindEnabled(request.TaskId) is { } task)
            {
                var ticket = new QueryTicket(request.TaskId, request.Hotkey, request.Period, request.QueryId, request.At, Organic: false);
                await _sender.SendAsync(task, ticket, Payload(task, request), request.ReplyTo, null, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            ValidatorLog.QueryCrashed(_logger, error, request.QueryId, request.TaskId, request.Hotkey);
        }
        finally
        {
            _inFlight.End();
        }

        return NotUsed.Instance;
    }

    /// <summary>The synthetic prompt of one query: a pure function of the seed, period, task and query id.</summary>
    private TextRequest Payload(TaskDefinition task, SyntheticQueryRequest request)
    {
        var seed = SeededRandom.Hash(_settings.Seed, [request.Period, request.QueryId, SeededRandom.Key(task.Id)]);
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        return task.Kind == TaskKind.Chat ? _synthetics.Chat(task.Id, random) : _synthetics.Completion(task.Id, random);
    }
}
