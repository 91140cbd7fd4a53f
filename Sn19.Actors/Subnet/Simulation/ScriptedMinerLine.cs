namespace Sn19.Actors.Subnet.Simulation;

using System.Text.Json;
using Akka.Actor;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// The validator's line to a scenario's scripted miners (the stand-in for their axons in <c>sn19 simulate</c>):
/// capacities and answers come from the script, for the scenario period the virtual clock is in. With real answers
/// (a scenario's engine) the script still decides whether a miner answers and how fast; the chunks, and the work they
/// carry, are the model's.
/// </summary>
internal sealed class ScriptedMinerLine : IMinerLine
{
    private readonly TaskRegistry _tasks;
    private readonly ITimeProvider _clock;
    private readonly PeriodClock _periods;
    private readonly long _firstPeriod;
    private readonly IScenarioAnswers? _answers;

    public ScriptedMinerLine(
        Scenario scenario, TaskRegistry tasks, long seed, ITimeProvider clock, PeriodClock periods, long firstPeriod, IScenarioAnswers? answers)
    {
        _answers = answers;
        _tasks = tasks;
        _clock = clock;
        _periods = periods;
        _firstPeriod = firstPeriod;
        Miners = scenario.Miners.ToDictionary(m => m.Name, m => new ScriptedMiner(m, scenario.TokensPerRequest, seed), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, ScriptedMiner> Miners { get; }

    /// <summary>The scenario period (0 = the first simulated one) the clock is in.</summary>
    public long ScenarioPeriod => _periods.IndexAt(_clock.Now) - _firstPeriod;

    public Task<(IReadOnlyDictionary<string, double>? Capacities, string? Error)> FetchCapacityAsync(string hotkey, CancellationToken cancellationToken)
    {
        if (!Miners.TryGetValue(hotkey, out var miner))
        {
            return Task.FromResult<(IReadOnlyDictionary<string, double>?, string?)>((null, "not a scenario miner"));
        }

        var period = ScenarioPeriod;
        IReadOnlyDictionary<string, double> offers = _tasks.Enabled
            .Select(t => (t.Id, Capacity: miner.Declared(t.Id, period)))
            .Where(o => o.Capacity > 0)
            .ToDictionary(o => o.Id, o => o.Capacity, StringComparer.Ordinal);
        return Task.FromResult<(IReadOnlyDictionary<string, double>?, string?)>((offers, null));
    }

    public async Task<QueryResult> QueryAsync(string hotkey, TextRequest request, IQueryRelay? relay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Miners.TryGetValue(hotkey, out var miner))
        {
            return QueryResult.Failed("not a scenario miner", null, TimeSpan.Zero);
        }

        if (_tasks.FindEnabled(request.Model) is not { } task)
        {
            return QueryResult.Failed($"HTTP 400: no task serves model {request.Model}", 400, TimeSpan.Zero);
        }

        var result = miner.Answer(task.Id, ScenarioPeriod, request.MaxTokens, task.Timeout);
        if (_answers is not null && result.Status == QueryStatus.Ok)
        {
            result = Real(result, await _answers.AnswerAsync(hotkey, request, cancellationToken));
        }

        if (relay is not null)
        {
            foreach (var chunk in result.Chunks)
            {
                await relay.OnChunkAsync(chunk, chunk.TryGetProperty("choices", out var c) && c.GetArrayLength() > 0, cancellationToken);
            }
        }

        return result;
    }

    /// <summary>The scripted answer with the model's chunks: its work is their token count, streamed at the scripted speed.</summary>
    private static QueryResult Real(QueryResult scripted, IReadOnlyList<JsonElement> chunks)
    {
        var tokens = chunks.Count(c => c.TryGetProperty("choices", out var choices) && choices.GetArrayLength() > 0
            && choices[0].TryGetProperty("logprobs", out var logprobs) && logprobs.ValueKind == JsonValueKind.Object);
        var stream = scripted.StreamTime!.Value * tokens / Math.Max(1, scripted.Tokens);
        return scripted with { Chunks = chunks, Tokens = tokens, StreamTime = stream, ResponseTime = scripted.TimeToFirstToken!.Value + stream };
    }
}
