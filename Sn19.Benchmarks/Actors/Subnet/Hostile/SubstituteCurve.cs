namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using System.Globalization;
using System.Text;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Miner;
using Sn19.Inference.Backends.OpenAi;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;
using Sn19.Tests.LlamaCpp;

/// <summary>
/// The detection curve of the hostile report: near substitutes for an F32 task model (its Q8_0, its weights plus relative
/// noise) beside honest miners on the same F32 file but other engines (Sn19's engine on narrower kernels, llama.cpp).
/// Every row answers the same requests. Caught = quality below 0.5, under the tolerant thresholds and under the exact
/// ones (<c>model-match = exact</c>), by response length, with the shortest length from which 95 % are caught.
/// </summary>
internal static class SubstituteCurve
{
    /// <summary>max_tokens of the checks, in turn.</summary>
    private static readonly int[] Lengths = [8, 16, 32, 64, 128];

    private static readonly int[] Bounds = [8, 16, 32, 64, int.MaxValue];

    public static async Task<string> RunAsync(BenchModels models, SyntheticPayloadGenerator generator, LlamaCppShimFactory? llamaCpp, int checks)
    {
        var options = new LocalEngineOptions { MaxContext = 256, MaxConcurrentSequences = 4 };
        var task = models.Load(TestModelShape.Stories15M, WeightType.F32, 1, options);
        var file = models.File(TestModelShape.Stories15M, WeightType.F32, 1);
        var scorer = new EngineSequenceScorer(task, "task");
        var draws = new RequestDraws(generator, task);
        var tolerant = new LlmChecker(new LlmCheckOptions());
        var exact = new LlmChecker(new LlmCheckOptions().ForExactMatch());
        var random = new Random(23);
        var requests = Enumerable.Range(0, checks)
            .Select(i => draws.Draw(TextRequestKind.Completion, random, r => r with { Temperature = 1, MaxTokens = Lengths[i % Lengths.Length] }))
            .ToList();

        await using var shim = llamaCpp is null ? null : await llamaCpp(file);
        using var http = new HttpClient();
        var rows = new List<(string Name, bool Honest, IAnswerSource Source)>
        {
            ("honest F32 (control)", true, new BackendAnswers(new InferenceMinerBackend(task), 4)),
            ("honest F32, AVX-512 off (256-bit kernels)", true, new KernelProcessAnswers(file, new Dictionary<string, string> { ["DOTNET_EnableAVX512"] = "0" })),
            ("honest F32, all SIMD off (scalar)", true, new KernelProcessAnswers(file, new Dictionary<string, string> { ["DOTNET_EnableHWIntrinsic"] = "0" })),
        };
        if (shim is not null)
        {
            rows.Add(("honest F32 on llama.cpp", true, new BackendAnswers(new InferenceMinerBackend(
                new OpenAiBackend(http, new OpenAiBackendOptions { BaseUrl = shim.Url, Model = "llama-cpp" })))));
        }

        rows.Add(("Q8_0 of the same weights", false, new BackendAnswers(new InferenceMinerBackend(models.Load(TestModelShape.Stories15M, WeightType.Q8_0, 1, options)), 4)));
        foreach (var noise in new[] { 0.003, 0.01, 0.03, 0.1 })
        {
            rows.Add(($"F32 + noise {noise.ToString(CultureInfo.InvariantCulture)} x std", false,
                new BackendAnswers(new InferenceMinerBackend(models.Load(TestModelShape.Stories15M, WeightType.F32, 1, options, noise)), 4)));
        }

        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"### substitutes for an F32 task model (Stories15M seed 1), completion, T=1, the same {checks} requests per row");
        text.AppendLine();
        text.AppendLine("| miner | policy | mean q | distance d mean / p95 / max | caught | caught, 1-8 tokens | 9-16 | 17-32 | 33-64 | 65+ | 95 % caught from |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, honest, source) in rows)
        {
            var answers = await source.AnswerAsync(requests, CancellationToken.None);
            var results = new List<(int Length, LlmCheckResult Check)>();
            for (var i = 0; i < requests.Count; i++)
            {
                var stream = MinerStreamParser.Parse(answers[i], requests[i].Kind);
                results.Add((stream.Tokens.Count, await tolerant.CheckAsync(requests[i], stream, scorer, new Random(i), CancellationToken.None)));
            }

            var label = honest ? $"**{name}**" : name;
            text.AppendLine(invariant, $"| {label} | tolerant | {Row(results, r => r.Check.Quality)}");
            // The exact thresholds apply to the same distances: only the map from distance to quality differs.
            text.AppendLine(invariant, $"| {label} | exact | {Row(results, r => r.Check.MeanDistance is { } d ? exact.QualityFromDistance(d) : r.Check.Quality)}");
        }

        return text.ToString();
    }

    private static string Row(List<(int Length, LlmCheckResult Check)> results, Func<(int Length, LlmCheckResult Check), double> quality)
    {
        var cells = new List<string>();
        string? from = null;
        var low = 1;
        foreach (var bound in Bounds)
        {
            var inBucket = results.Where(r => r.Length >= low && r.Length <= bound).ToList();
            cells.Add(inBucket.Count == 0 ? "–" : $"{(double)inBucket.Count(r => quality(r) < 0.5) / inBucket.Count:P0} of {inBucket.Count}");
            var rest = results.Where(r => r.Length >= low).ToList();
            if (from is null && rest.Count > 0 && (double)rest.Count(r => quality(r) < 0.5) / rest.Count >= 0.95)
            {
                from = $"{low} tokens";
            }

            low = bound + 1;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{results.Average(quality):F3} | {HostileReport.Distances([.. results.Select(r => r.Check)])} | {(double)results.Count(r => quality(r) < 0.5) / results.Count:P0} | {string.Join(" | ", cells)} | {from ?? "not within 128"} |");
    }
}
