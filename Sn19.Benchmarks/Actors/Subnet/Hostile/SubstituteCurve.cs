namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using System.Globalization;
using System.Text;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Miner;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;

/// <summary>The detection curve of the hostile report: near substitutes for an F32 task model, caught by response length.</summary>
internal static class SubstituteCurve
{
    /// <summary>max_tokens of the substitute checks, in turn.</summary>
    private static readonly int[] Lengths = [8, 16, 32, 64, 128];

    /// <summary>
    /// Near substitutes for an F32 task model: the same weights in Q8_0, and the same weights with relative noise of
    /// growing size. Detection (quality below 0.5) by response length, and the shortest length from which 95 % of
    /// checks catch it.
    /// </summary>
    public static async Task<string> RunAsync(BenchModels models, SyntheticPayloadGenerator generator, int checks)
    {
        var options = new LocalEngineOptions { MaxContext = 256, MaxConcurrentSequences = 2 };
        var task = models.Load(TestModelShape.Stories15M, WeightType.F32, 1, options);
        var scorer = new EngineSequenceScorer(task, "task");
        var draws = new RequestDraws(generator, task);
        var checker = new LlmChecker(new LlmCheckOptions());
        var miners = new List<(string Name, LocalInferenceBackend Model)>
        {
            ("honest F32 (control)", task),
            ("Q8_0 of the same weights", models.Load(TestModelShape.Stories15M, WeightType.Q8_0, 1, options)),
        };
        foreach (var noise in new[] { 0.01, 0.03, 0.1, 0.3 })
        {
            miners.Add(($"F32 + noise {noise.ToString(CultureInfo.InvariantCulture)} x std", models.Load(TestModelShape.Stories15M, WeightType.F32, 1, options, noise)));
        }

        int[] bounds = [8, 16, 32, 64, int.MaxValue];
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"### substitutes for an F32 task model (Stories15M seed 1), completion, T=1, {checks} checks per row");
        text.AppendLine();
        text.AppendLine("| miner | checks | mean q | distance d mean / p95 / max | caught | caught, 1-8 tokens | 9-16 | 17-32 | 33-64 | 65+ | 95 % caught from |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, model) in miners)
        {
            var random = new Random(23);
            var results = new List<(int Length, double Quality, LlmCheckResult Check)>();
            while (results.Count < checks)
            {
                // Lengths spread over the buckets: the synthetic requests alone would sit between 17 and 64 tokens.
                var length = Lengths[results.Count % Lengths.Length];
                var request = draws.Draw(TextRequestKind.Completion, random, r => r with { Temperature = 1, MaxTokens = length });
                var chunks = await MinerAnswer.ChunksAsync(new InferenceMinerBackend(model), request, CancellationToken.None);
                var stream = MinerStreamParser.Parse(chunks, request.Kind);
                var result = await checker.CheckAsync(request, stream, scorer, new Random(random.Next()), CancellationToken.None);
                results.Add((stream.Tokens.Count, result.Quality, result));
            }

            var cells = new List<string>();
            string? from = null;
            var low = 1;
            foreach (var bound in bounds)
            {
                var inBucket = results.Where(r => r.Length >= low && r.Length <= bound).ToList();
                var caught = inBucket.Count == 0 ? (double?)null : (double)inBucket.Count(r => r.Quality < 0.5) / inBucket.Count;
                cells.Add(caught is { } c ? $"{c:P0} of {inBucket.Count}" : "–");
                var rest = results.Where(r => r.Length >= low).ToList();
                if (from is null && rest.Count > 0 && (double)rest.Count(r => r.Quality < 0.5) / rest.Count >= 0.95)
                {
                    from = $"{low} tokens";
                }

                low = bound + 1;
            }

            text.AppendLine(invariant,
                $"| {name} | {results.Count} | {results.Average(r => r.Quality):F3} | {HostileReport.Distances([.. results.Select(r => r.Check)])} | {(double)results.Count(r => r.Quality < 0.5) / results.Count:P0} | {string.Join(" | ", cells)} | {from ?? "not within 256"} |");
        }

        return text.ToString();
    }
}
