namespace Sn19.Actors.Subnet.Simulation;

using System.Text.Json;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// How a scenario miner answers, as the wire would see it: a 429 once the work it served this period passes
/// its real capacity, a scripted share of failures, a timeout when its latency reaches the task's, else an
/// answer of the scenario's length (capped at the request's max_tokens) at its speed with ±10 % jitter.
/// Every draw is keyed by (seed, miner, task, period, call number); the pipeline calls it in a fixed order
/// on virtual time, so a run answers the same every time.
/// </summary>
internal sealed class ScriptedMiner(ScenarioMiner script, ScenarioRange answerTokens, long seed)
{
    private const long FailureDraw = 11;
    private const long SpeedDraw = 12;
    private const long QualityDraw = 13;
    private const long LengthDraw = 14;

    /// <summary>The one chunk a scripted answer carries: the classifier counts chunks, nothing reads them.</summary>
    private static readonly JsonElement Chunk = JsonDocument.Parse("""{"scripted":true}""").RootElement.Clone();

    private readonly long _hotkeyKey = SeededRandom.Key(script.Name);
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Task, long Period), double> _served = [];
    private long _calls;

    public string Hotkey => script.Name;

    /// <summary>The capacity it declares for a task in a period (0 before it joins).</summary>
    public double Declared(string taskId, long period) =>
        period >= script.JoinPeriod && script.Capacity.TryGetValue(taskId, out var c) ? c : 0;

    public QueryResult Answer(string taskId, long period, int maxTokens, TimeSpan timeout)
    {
        lock (_gate)
        {
            var call = _calls++;
            var taskKey = SeededRandom.Key(taskId);
            var latency = TimeSpan.FromMilliseconds(script.LatencyMs);
            var tokens = (int)Math.Min(maxTokens, Math.Round(answerTokens.Draw(SeededRandom.Uniform(seed, LengthDraw, _hotkeyKey, taskKey, period, call))));
            var served = _served.GetValueOrDefault((taskId, period));
            if (served + tokens > script.RealCapacity * Declared(taskId, period))
            {
                return new QueryResult(QueryStatus.RateLimited, "rate limited (429)", 429, [], 0, latency, null, null);
            }

            if (SeededRandom.Uniform(seed, FailureDraw, _hotkeyKey, taskKey, period, call) < script.FailureRate)
            {
                return QueryResult.Failed("HTTP 500 (scripted failure)", 500, latency);
            }

            if (latency >= timeout)
            {
                return QueryResult.Failed("no first token in time", null, timeout) with { TimedOut = true };
            }

            var jitter = 0.9 + (0.2 * SeededRandom.Uniform(seed, SpeedDraw, _hotkeyKey, taskKey, period, call));
            var stream = TimeSpan.FromSeconds(tokens / (script.TokensPerSecond * jitter));
            _served[(taskId, period)] = served + tokens;
            return new QueryResult(QueryStatus.Ok, null, 200, [Chunk], tokens, latency + stream, latency, stream);
        }
    }

    /// <summary>The quality a checker would give this result.</summary>
    public double Quality(string taskId, long queryId, DateTimeOffset at) =>
        script.Quality.Draw(SeededRandom.Uniform(seed, QualityDraw, _hotkeyKey, SeededRandom.Key(taskId), at.UtcTicks, queryId));
}
