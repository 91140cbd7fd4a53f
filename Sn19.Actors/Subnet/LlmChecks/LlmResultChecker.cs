namespace Sn19.Actors.Subnet.LlmChecks;

using System.Text.Json;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// The LLM check behind the checker pool: one per model, holding that model's <see cref="ISequenceScorer"/>.
/// The random positions of the distance check are seeded by the query id, so a replayed check gives the
/// same verdict.
/// </summary>
public sealed class LlmResultChecker : IResultChecker
{
    private readonly ISequenceScorer _scorer;
    private readonly LlmChecker _checker;
    private readonly LlmChecker _exact;
    private readonly IReadOnlySet<string> _exactTasks;
    private readonly long _seed;

    /// <param name="exactTasks">Tasks whose answers are held to the exact-match distances (<c>model-match = exact</c>).</param>
    public LlmResultChecker(ISequenceScorer scorer, LlmCheckOptions options, long seed, IReadOnlySet<string>? exactTasks = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(options);
        _scorer = scorer;
        _checker = new LlmChecker(options);
        _exact = new LlmChecker(options.ForExactMatch());
        _exactTasks = exactTasks ?? new HashSet<string>();
        _seed = seed;
    }

    public string Model => _scorer.ModelId;

    public async ValueTask<CheckVerdict> CheckAsync(CheckCandidate candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        TextRequest? request;
        JsonElement[] chunks;
        try
        {
            request = JsonSerializer.Deserialize<TextRequest>(candidate.Request);
            chunks = JsonSerializer.Deserialize<JsonElement[]>(candidate.Response) ?? [];
        }
        catch (JsonException error)
        {
            return CheckVerdict.NotChecked($"stored result is not readable: {error.Message}");
        }

        if (request is null)
        {
            return CheckVerdict.NotChecked("stored request is empty");
        }

        var stream = MinerStreamParser.Parse(chunks, request.Kind);
        var random = new Random(unchecked((int)(_seed ^ candidate.QueryId ^ (candidate.QueryId >> 32))));
        var checker = _exactTasks.Contains(candidate.TaskId) ? _exact : _checker;
        var result = await checker.CheckAsync(request, stream, _scorer, random, cancellationToken);
        // The fail reason travels with the verdict so an operator can tell a miner why its quality dropped.
        return new CheckVerdict(true, Math.Clamp(result.Quality, 0, 1), result.FailReason);
    }
}
