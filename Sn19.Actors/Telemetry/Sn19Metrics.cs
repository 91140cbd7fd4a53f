namespace Sn19.Actors.Telemetry;

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Sn19.Actors.Mechanism;

/// <summary>
/// The node's measurements, on one <see cref="Meter"/> named <see cref="MeterName"/>: whatever listens (the
/// dashboard's OpenTelemetry exporter, serving them at /metrics in Prometheus text) sees them; with nothing
/// listening an instrument costs a branch. Latencies are in seconds with bounds set here, because the SDK's default
/// bounds (0 to 10,000) suit milliseconds; tags are small closed sets (task ids, outcomes), never a key or a hotkey.
/// </summary>
public static class Sn19Metrics
{
    public const string MeterName = "Sn19";

    private static readonly double[] LatencyBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] WriteBounds = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
    private static readonly double[] UnitBounds = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];

    public static Meter Meter { get; } = new(MeterName);

    private static readonly Counter<long> Queries = Meter.CreateCounter<long>("sn19.queries", "{query}", "Queries sent to miners, by task, origin and outcome");
    private static readonly Histogram<double> QueryFirstToken = Seconds("sn19.query.first_token", "A miner's time to its first token (successful queries)");
    private static readonly Histogram<double> QueryDuration = Seconds("sn19.query.duration", "A miner's whole response time (successful queries)");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("sn19.checks", "{check}", "Quality checks, by task and result (pass: quality of at least 0.5; skipped: the validator could not check, never held against the miner)");
    private static readonly Histogram<double> CheckQuality = Unit("sn19.check.quality", "The quality a check found, 0 to 1");
    private static readonly Histogram<double> PeriodScores = Unit("sn19.period.score", "Contenders' period scores at each period's close");
    private static readonly Counter<long> WeightRounds = Meter.CreateCounter<long>("sn19.weights.rounds", "{round}", "Weights rounds, by what the chain made of them");
    private static readonly Counter<long> OrganicRequests = Meter.CreateCounter<long>("sn19.organic.requests", "{request}", "Organic API requests, by task and status");
    private static readonly Counter<long> OrganicTokens = Meter.CreateCounter<long>("sn19.organic.tokens", "{token}", "Tokens billed on organic requests, by task and kind");
    private static readonly Histogram<double> OrganicFirstToken = Seconds("sn19.organic.first_token", "A user's time to the first token, gateway to gateway");
    private static readonly Histogram<double> OrganicDuration = Seconds("sn19.organic.duration", "A user's whole request, gateway to gateway");
    private static readonly Histogram<double> JournalWrite = Meter.CreateHistogram(
        "sn19.journal.write", "s", "Time from persisting an event to its handler (the journal's write)", null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = WriteBounds });

    public static void Query(string task, bool organic, QueryOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var origin = organic ? "organic" : "synthetic";
        Queries.Add(1, new("task", task), new("origin", origin), new("outcome", outcome.Kind.ToString().ToLowerInvariant()));
        if (outcome.Kind != QueryOutcomeKind.Ok)
        {
            return;
        }

        QueryDuration.Record(outcome.ResponseTime.TotalSeconds, new("task", task), new("origin", origin));
        if (outcome.TimeToFirstToken is { } first)
        {
            QueryFirstToken.Record(first.TotalSeconds, new("task", task), new("origin", origin));
        }
    }

    public static void Check(string task, double quality)
    {
        Checks.Add(1, new("task", task), new("result", quality >= 0.5 ? "pass" : "fail"));
        CheckQuality.Record(quality, new KeyValuePair<string, object?>("task", task));
    }

    /// <summary>A check the validator could not make (its checker failed, timed out or lacks the model): the result is
    /// left unchecked, never scored against the miner, and counted here.</summary>
    public static void CheckSkipped(string task) => Checks.Add(1, new("task", task), new("result", "skipped"));

    public static void PeriodScore(string task, double score) => PeriodScores.Record(score, new KeyValuePair<string, object?>("task", task));

    public static void WeightRound(string status) => WeightRounds.Add(1, new KeyValuePair<string, object?>("status", status));

    /// <summary>One organic request as the user saw it; <paramref name="firstToken"/> is null when no token came.</summary>
    public static void Organic(string task, string status, long promptTokens, long completionTokens, TimeSpan? firstToken, TimeSpan duration)
    {
        OrganicRequests.Add(1, new("task", task), new("status", status));
        OrganicTokens.Add(promptTokens, new("task", task), new("kind", "prompt"));
        OrganicTokens.Add(completionTokens, new("task", task), new("kind", "completion"));
        OrganicDuration.Record(duration.TotalSeconds, new("task", task), new("status", status));
        if (firstToken is { } first)
        {
            OrganicFirstToken.Record(first.TotalSeconds, new KeyValuePair<string, object?>("task", task));
        }
    }

    /// <summary>A journal write of <paramref name="entity"/> (contender, api-key, weights) that began at <paramref name="startedTimestamp"/>
    /// (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void JournalWritten(string entity, long startedTimestamp) =>
        JournalWrite.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("entity", entity));

    private static Histogram<double> Seconds(string name, string description) =>
        Meter.CreateHistogram(name, "s", description, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBounds });

    private static Histogram<double> Unit(string name, string description) =>
        Meter.CreateHistogram(name, "1", description, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = UnitBounds });
}
