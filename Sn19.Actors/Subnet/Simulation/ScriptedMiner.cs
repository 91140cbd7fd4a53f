namespace Sn19.Actors.Subnet.Simulation;

using Sn19.Actors.Mechanism;

/// <summary>
/// How a scenario miner answers a query. Stateless: every draw is keyed by (seed, miner, task, query),
/// and "work already served" comes from the contender's own count, so a restarted run answers the same.
/// </summary>
internal sealed class ScriptedMiner(ScenarioMiner script, long seed)
{
    private const long FailureDraw = 11;
    private const long SpeedDraw = 12;
    private const long QualityDraw = 13;

    private readonly long _hotkeyKey = SeededRandom.Key(script.Name);

    public string Hotkey => script.Name;

    public ScenarioMiner Script => script;

    public double Declared(string taskId, long period) =>
        period >= script.JoinPeriod && script.Capacity.TryGetValue(taskId, out var c) ? c : 0;

    /// <summary>Answers a request of <paramref name="tokens"/> tokens given the work already served this period.</summary>
    public QueryOutcome Respond(string taskId, long period, long queryId, double tokens, double servedThisPeriod, TimeSpan timeout)
    {
        var taskKey = SeededRandom.Key(taskId);
        var limit = script.RealCapacity * Declared(taskId, period);
        if (servedThisPeriod + tokens > limit)
        {
            return QueryOutcome.RateLimited;
        }

        if (SeededRandom.Uniform(seed, FailureDraw, _hotkeyKey, taskKey, period, queryId) < script.FailureRate)
        {
            return QueryOutcome.Failed;
        }

        var latency = TimeSpan.FromMilliseconds(script.LatencyMs);
        if (latency >= timeout)
        {
            return QueryOutcome.Failed;
        }

        // ±10 % jitter on the generation speed so the 30th-percentile speed differs from the mean.
        var jitter = 0.9 + (0.2 * SeededRandom.Uniform(seed, SpeedDraw, _hotkeyKey, taskKey, period, queryId));
        var stream = TimeSpan.FromSeconds(tokens / (script.TokensPerSecond * jitter));
        return QueryOutcome.Ok(tokens, latency + stream, latency, stream);
    }

    /// <summary>The quality a checker would give this result.</summary>
    public double Quality(string taskId, long queryId, DateTimeOffset at) =>
        script.Quality.Draw(SeededRandom.Uniform(seed, QualityDraw, _hotkeyKey, SeededRandom.Key(taskId), at.UtcTicks, queryId));
}
