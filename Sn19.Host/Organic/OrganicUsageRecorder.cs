namespace Sn19.Host.Organic;

using Microsoft.Extensions.Logging;
using Sn19.Actors.History;
using Sn19.Actors.Telemetry;

/// <summary>
/// Counts the gateway's requests for the metrics (at once) and for the dashboard's usage table: per hour, task and key,
/// added up in memory and written to the history every <c>dashboard.usage-flush</c> (the hour's counts so far replace
/// that hour's row, so a write that fails is simply made again by the next flush). A crash loses at most one flush
/// interval of counts, never a charge (charges are the key ledgers' journal, not this).
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
    private readonly Dictionary<(DateTimeOffset Hour, string Task, string Key), UsageAccumulator> _hours = [];
    private readonly HashSet<(DateTimeOffset Hour, string Task, string Key)> _unwritten = [];

    /// <param name="history">Where the counts go; null keeps the metrics only.</param>
    /// <param name="node">This gateway process (its cluster address and uid).</param>
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

        var now = _time.GetUtcNow();
        var slot = (new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero), task, keyId);
        lock (_gate)
        {
            if (!_hours.TryGetValue(slot, out var usage))
            {
                _hours[slot] = usage = new UsageAccumulator();
            }

            usage.Record(status != "ok", promptTokens, completionTokens, firstToken, total);
            _unwritten.Add(slot);
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

    /// <summary>Writes the slots counted since the last write; hours before the current one are dropped from memory once written.</summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<OrganicUsageSample> samples;
        lock (_gate)
        {
            if (_unwritten.Count == 0)
            {
                return;
            }

            // Copies taken under the lock: requests go on counting into the live accumulators while the write runs.
            samples = _unwritten.Select(slot => Sample(slot, _hours[slot])).ToList();
            _unwritten.Clear();
        }

        try
        {
            await _history!.RecordUsageAsync(samples, cancellationToken);
        }
        catch (Exception unwritten) when (unwritten is System.Data.Common.DbException or IOException or TimeoutException or OperationCanceledException)
        {
            OrganicLog.UsageNotWritten(_logger, samples.Count, unwritten.Message);
            lock (_gate)
            {
                _unwritten.UnionWith(samples.Select(s => (s.At, s.TaskId, s.KeyId)));
            }

            return;
        }

        var now = _time.GetUtcNow();
        var thisHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        lock (_gate)
        {
            foreach (var old in _hours.Keys.Where(k => k.Hour < thisHour && !_unwritten.Contains(k)).ToList())
            {
                _hours.Remove(old);
            }
        }
    }

    private OrganicUsageSample Sample((DateTimeOffset Hour, string Task, string Key) slot, UsageAccumulator usage)
    {
        var copy = new UsageAccumulator();
        copy.Add(usage);
        return new OrganicUsageSample(
            _node, slot.Hour, slot.Task, slot.Key, (int)copy.Requests, (int)copy.Failed, copy.PromptTokens, copy.CompletionTokens, copy.FirstToken, copy.Total);
    }
}
