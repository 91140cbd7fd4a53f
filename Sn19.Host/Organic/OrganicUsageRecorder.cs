namespace Sn19.Host.Organic;

using Microsoft.Extensions.Logging;
using Sn19.Actors.History;
using Sn19.Actors.Telemetry;

/// <summary>
/// Counts the gateway's requests for the metrics (at once) and for the dashboard's usage table (added up in memory
/// per task and key, written to the history every <c>dashboard.usage-flush</c> as one sample per pair). A write that
/// fails puts its counts back for the next one; a crash loses at most one flush interval of counts, never a charge
/// (charges are the key ledgers' journal, not this).
/// </summary>
internal sealed class OrganicUsageRecorder : IAsyncDisposable
{
    private readonly HistoryStore? _history;
    private readonly string _node;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private Dictionary<(string Task, string Key), UsageAccumulator> _pending = [];

    /// <param name="history">Where samples go; null keeps the metrics only.</param>
    /// <param name="node">This gateway's name in the samples (its cluster address).</param>
    public OrganicUsageRecorder(HistoryStore? history, string node, TimeSpan flushEvery, TimeProvider time, ILogger logger)
    {
        _history = history;
        _node = node;
        _time = time;
        _logger = logger;
        _loop = history is null ? Task.CompletedTask : FlushLoopAsync(flushEvery, _stop.Token);
    }

    /// <summary>A request that ended; <paramref name="keyId"/> is null before its key was known (a refused request), and
    /// such requests count in the metrics only.</summary>
    public void Record(string task, string? keyId, string status, long promptTokens, long completionTokens, TimeSpan? firstToken, TimeSpan total)
    {
        Sn19Metrics.Organic(task, status, promptTokens, completionTokens, firstToken, total);
        if (_history is null || keyId is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_pending.TryGetValue((task, keyId), out var usage))
            {
                _pending[(task, keyId)] = usage = new UsageAccumulator();
            }

            usage.Record(status != "ok", promptTokens, completionTokens, firstToken, total);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await FlushAsync(CancellationToken.None);
        _stop.Dispose();
    }

    private async Task FlushLoopAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: DisposeAsync writes what is left.
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        Dictionary<(string Task, string Key), UsageAccumulator> taken;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            taken = _pending;
            _pending = [];
        }

        var at = _time.GetUtcNow();
        var samples = taken.Select(p => new OrganicUsageSample(
            _node, at, p.Key.Task, p.Key.Key, (int)p.Value.Requests, (int)p.Value.Failed, p.Value.PromptTokens, p.Value.CompletionTokens,
            p.Value.FirstToken, p.Value.Total)).ToList();
        try
        {
            await _history!.RecordUsageAsync(samples, cancellationToken);
        }
        catch (Exception unwritten) when (unwritten is System.Data.Common.DbException or IOException or TimeoutException or OperationCanceledException)
        {
            OrganicLog.UsageNotWritten(_logger, samples.Count, unwritten.Message);
            lock (_gate)
            {
                foreach (var (pair, usage) in taken)
                {
                    if (!_pending.TryGetValue(pair, out var pending))
                    {
                        _pending[pair] = pending = new UsageAccumulator();
                    }

                    pending.Add(usage);
                }
            }
        }
    }
}
