namespace Sn19.Benchmarks.Actors.Subnet;

using System.Globalization;
using System.Text;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Local;
using Sn19.Host.Miner;
using Sn19.Host.Miner.Hostile;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;

/// <summary>
/// The check under attack (issue 23), as a report: honest miners in several settings and the hostile kinds of
/// `sn19 miner --hostile` answer the same synthetic requests; each answer goes through the miner's own backend
/// chain, the wire format and the LLM check on the task's model. One table per task kind: rows = miner and
/// setting, columns = checks, mean and min quality, share failed (quality below 0.5).
/// Then near substitutes for an F32 task model (its Q8_0, its weights plus noise): detection by response length.
/// <code>dotnet run -c Release --project Sn19.Benchmarks -- hostile [--checks 40] [--curve-checks 60]</code>
/// </summary>
internal static class HostileReport
{
    public const string Command = "hostile";

    /// <summary>max_tokens of the substitute checks, in turn.</summary>
    private static readonly int[] Lengths = [8, 16, 32, 64, 128];
    private const int Concurrent = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        var checks = ReportArguments.IntOption(args, "--checks", 40);
        var options = new LocalEngineOptions { MaxContext = 256, MaxConcurrentSequences = 8 };
        using var models = new BenchModels();
        var task = models.Load(TestModelShape.Stories15M, WeightType.Q8_0, 1, options);
        var impostor = models.Load(TestModelShape.Stories15M, WeightType.Q8_0, 2, options);
        var cheaper = models.Load(TestModelShape.Tiny, WeightType.Q8_0, 3, options);
        var scorer = new EngineSequenceScorer(task, "task");
        var checker = new LlmChecker(new LlmCheckOptions());
        var generator = new SyntheticPayloadGenerator(
            MarkovTextModel.Build(await File.ReadAllTextAsync(Path.Combine(BenchModels.RepositoryRoot(), "assets", "synthetic-corpus.txt"))),
            LocalSynthetics.Load());
        IMinerTextBackend honest = new InferenceMinerBackend(task);
        var started = DateTime.UtcNow;
        var text = new StringBuilder();
        foreach (var kind in new[] { TextRequestKind.Completion, TextRequestKind.Chat })
        {
            var rows = new List<(HostileRow Row, IMinerTextBackend Miner, Func<TextRequest, TextRequest> Shape, int Together)>
            {
                (new HostileRow("honest", "T=0", true), honest, r => r with { Temperature = 0 }, 1),
                (new HostileRow("honest", "T=0.5", true), honest, r => r with { Temperature = 0.5 }, 1),
                (new HostileRow("honest", "T=1", true), honest, r => r with { Temperature = 1 }, 1),
                (new HostileRow("honest", "T=1.5", true), honest, r => r with { Temperature = 1.5 }, 1),
                (new HostileRow("honest", "T=1, top-k 40", true), honest, r => r with { Temperature = 1, TopK = 40 }, 1),
                (new HostileRow("honest", "T=1, top-p 0.9", true), honest, r => r with { Temperature = 1, TopP = 0.9 }, 1),
                (new HostileRow("honest", $"T=1, {Concurrent} streams batched", true), honest, r => r with { Temperature = 1 }, Concurrent),
                (new HostileRow("impostor", "other weights, T=1", false), new InferenceMinerBackend(impostor), r => r with { Temperature = 1 }, 1),
                (new HostileRow("forger", "Tiny model writes, task model's logprobs, T=1", false),
                    new ForgerMinerBackend(new InferenceMinerBackend(cheaper), scorer), r => r with { Temperature = 1 }, 1),
                (new HostileRow("early-eos", "stops at 0.5 x max_tokens, T=1", false), Hostile(honest, "early-eos"), r => r with { Temperature = 1 }, 1),
                (new HostileRow("truncated", "cut at 0.5 x max_tokens, T=1", false), Hostile(honest, "truncated"), r => r with { Temperature = 1 }, 1),
                (new HostileRow("replay", "first answer again, T=1", false), Hostile(honest, "replay"), r => r with { Temperature = 1 }, 1),
            };
            foreach (var sigma in new[] { 0.1, 0.3, 1.0 })
            {
                var setting = sigma.ToString(CultureInfo.InvariantCulture);
                rows.Add((new HostileRow("logprob-noise", $"sigma {setting} nats, T=1", false), Hostile(honest, "logprob-noise:" + setting),
                    r => r with { Temperature = 1 }, 1));
            }

            var random = new Random(19 + (int)kind);
            foreach (var (row, miner, shape, together) in rows)
            {
                if (row.Miner == "replay")
                {
                    // The replayer's first answer is honest (it is the one it replays): made before the row is measured.
                    await MinerAnswer.ChunksAsync(miner, shape(Draw(generator, kind, random, task)), CancellationToken.None);
                }

                while (row.Checks.Count < checks)
                {
                    var requests = Enumerable.Range(0, together).Select(_ => shape(Draw(generator, kind, random, task)) with { Seed = random.Next() }).ToList();
                    var answers = await Task.WhenAll(requests.Select(r => MinerAnswer.ChunksAsync(miner, r, CancellationToken.None)));
                    for (var i = 0; i < requests.Count; i++)
                    {
                        row.Checks.Add(await checker.CheckAsync(
                            requests[i], MinerStreamParser.Parse(answers[i], kind), scorer, new Random(random.Next()), CancellationToken.None));
                    }
                }
            }

            text.AppendLine(Table(kind, rows.Select(r => r.Row).ToList()));
        }

        Console.WriteLine($"Hostile miners: task model Stories15M Q8_0 seed 1, {checks} checks per row, {(DateTime.UtcNow - started).TotalSeconds:F0} s.");
        Console.WriteLine("failed = quality below 0.5. Honest rows must show 0 failed; hostile rows should show (nearly) all.");
        Console.WriteLine();
        Console.Write(text);
        Console.Write(await SubstituteCurveAsync(models, generator, ReportArguments.IntOption(args, "--curve-checks", 60)));
        return 0;
    }

    /// <summary>
    /// Near substitutes for an F32 task model: the same weights in Q8_0, and the same weights with relative noise of
    /// growing size. Detection (quality below 0.5) by response length, and the shortest length from which 95 % of
    /// checks catch it.
    /// </summary>
    private static async Task<string> SubstituteCurveAsync(BenchModels models, SyntheticPayloadGenerator generator, int checks)
    {
        var options = new LocalEngineOptions { MaxContext = 256, MaxConcurrentSequences = 2 };
        var task = models.Load(TestModelShape.Stories15M, WeightType.F32, 1, options);
        var scorer = new EngineSequenceScorer(task, "task");
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
        text.AppendLine("| miner | checks | mean q | caught | caught, 1-8 tokens | 9-16 | 17-32 | 33-64 | 65+ | 95 % caught from |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, model) in miners)
        {
            var random = new Random(23);
            var results = new List<(int Length, double Quality)>();
            while (results.Count < checks)
            {
                // Lengths spread over the buckets: the synthetic requests alone would sit between 17 and 64 tokens.
                var request = Draw(generator, TextRequestKind.Completion, random, task) with
                {
                    Temperature = 1, Seed = random.Next(), MaxTokens = Lengths[results.Count % Lengths.Length],
                };
                if (task.EncodePrompt(EngineSequenceScorer.ToGeneration(request)).Length + request.MaxTokens + 1 > task.Engine.ContextLength)
                {
                    continue;
                }

                var chunks = await MinerAnswer.ChunksAsync(new InferenceMinerBackend(model), request, CancellationToken.None);
                var stream = MinerStreamParser.Parse(chunks, request.Kind);
                var result = await checker.CheckAsync(request, stream, scorer, new Random(random.Next()), CancellationToken.None);
                results.Add((stream.Tokens.Count, result.Quality));
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
                $"| {name} | {results.Count} | {results.Average(r => r.Quality):F3} | {(double)results.Count(r => r.Quality < 0.5) / results.Count:P0} | {string.Join(" | ", cells)} | {from ?? "not within 256"} |");
        }

        return text.ToString();
    }

    private static IMinerTextBackend Hostile(IMinerTextBackend honest, string setting) =>
        new HostileMinerBackend(honest, HostileSetting.Parse(setting, out _)!);

    /// <summary>A synthetic request whose prompt and answer fit the model's context.</summary>
    private static TextRequest Draw(SyntheticPayloadGenerator generator, TextRequestKind kind, Random random, LocalInferenceBackend model)
    {
        while (true)
        {
            var request = kind == TextRequestKind.Chat ? generator.Chat("task", random) : generator.Completion("task", random);
            if (model.EncodePrompt(EngineSequenceScorer.ToGeneration(request)).Length + request.MaxTokens + 1 <= model.Engine.ContextLength)
            {
                return request;
            }
        }
    }

    private static string Table(TextRequestKind kind, List<HostileRow> rows)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"### {kind.ToString().ToLowerInvariant()}");
        text.AppendLine();
        text.AppendLine("| miner | setting | checks | mean q | min q | failed |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(invariant,
                $"| {row.Miner} | {row.Setting} | {row.Checks.Count} | {row.Checks.Average(c => c.Quality):F3} | {row.Checks.Min(c => c.Quality):F3} | {row.Failed} ({(double)row.Failed / row.Checks.Count:P0}) |");
        }

        var honest = rows.Where(r => r.Honest).ToList();
        text.AppendLine(invariant, $"| **all honest** | | {honest.Sum(r => r.Checks.Count)} | | {honest.Min(r => r.Checks.Min(c => c.Quality)):F3} | {honest.Sum(r => r.Failed)} |");
        return text.ToString();
    }
}
