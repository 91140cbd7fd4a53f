namespace Sn19.Benchmarks.Actors.Subnet;

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;

/// <summary>
/// Issue 8 "Must show" 4: checking a response against generating it. The baseline generates the response
/// (a ~32-token prompt, end-of-sequence ignored so the length is fixed, temperature 1 with top-k 5 as
/// validators ask, one alternative per step as the miner host streams); the check parses the stored
/// chunks and runs the LLM check on the same model: one batched prefill of prompt + response and the
/// distance computation; Prefill is that prefill alone. The Ratio column is check time ÷ generation time (target ≤ 0.15).
/// The response is 256 tokens where the context allows; stories15M's context is 256, so there it is 223.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CheckCostConfig))]
public class CheckCostBenchmarks
{
    private const int ResponseTokens = 256;
    private const string Prompt =
        "Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition";

    private readonly LlmChecker _checker = new(new LlmCheckOptions());
    private BenchModels _models = null!;
    private LocalInferenceBackend _backend = null!;
    private EngineSequenceScorer _scorer = null!;
    private TextRequest _request = null!;
    private IReadOnlyList<JsonElement> _chunks = [];
    private int[] _sequence = [];
    private int _promptTokens;

    [Params("Stories15M-Q8_0", "Llama110M-Q8_0", "Llama110M-F32")]
    public string Model { get; set; } = "Stories15M-Q8_0";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Model.Split('-', 2);
        var options = new LocalEngineOptions { MaxConcurrentSequences = 1 };
        _models = new BenchModels();
        _backend = _models.Load(Enum.Parse<TestModelShape>(parts[0]), Enum.Parse<WeightType>(parts[1]), 1, options);
        _scorer = new EngineSequenceScorer(_backend, "task");
        var probe = new TextRequest { Model = "task", Prompt = Prompt, Temperature = 1.0, TopK = 5, Seed = 7 };
        var promptTokens = _backend.EncodePrompt(EngineSequenceScorer.ToGeneration(probe)).Length;
        // Scoring holds prompt + response in one context, and generation stops one short of a full context.
        var length = Math.Min(ResponseTokens, _backend.Engine.ContextLength - promptTokens - 1);
        _request = probe with { MaxTokens = length };
        _chunks = SimulatedMiner.StreamAsync(_backend, _request, ignoreEos: true, CancellationToken.None).GetAwaiter().GetResult();
        _promptTokens = promptTokens;
        var prompt = _backend.EncodePrompt(EngineSequenceScorer.ToGeneration(_request));
        _sequence = [.. prompt, .. MinerStreamParser.Parse(_chunks, _request.Kind).Tokens.Select(t => t.TokenId ?? 0)];
        var result = Check().GetAwaiter().GetResult();
        Console.WriteLine(
            $"// {Model}: prompt {promptTokens} tokens, response {_chunks.Count - 1} tokens, threads {_backend.Engine.Threads}, " +
            $"check quality {result.Quality} ({result.FailReason ?? "passed"}, d={result.MeanDistance})");
    }

    [GlobalCleanup]
    public void Cleanup() => _models.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> Generate()
    {
        var generation = EngineSequenceScorer.ToGeneration(_request) with { TopLogProbs = 1, IgnoreEos = true };
        var count = 0;
        await foreach (var step in _backend.GenerateAsync(generation, CancellationToken.None))
        {
            count += step.Text.Length > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>The check's one batched prefill alone (what the check spends its time on).</summary>
    [Benchmark]
    public Task<IReadOnlyList<PositionScore>> Prefill() =>
        _scorer.ScoreAsync(_sequence, _promptTokens, _request.Temperature, 10, CancellationToken.None);

    [Benchmark]
    public Task<LlmCheckResult> Check() =>
        _checker.CheckAsync(_request, MinerStreamParser.Parse(_chunks, _request.Kind), _scorer, new Random(1), CancellationToken.None);
}
