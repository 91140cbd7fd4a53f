namespace Sn19.Benchmarks.Actors.Subnet;

using System.Globalization;
using System.Text;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Local;
using Sn19.Host.Miner;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;

/// <summary>
/// Issue 8 "Must show" 3, as a report rather than a timing: an honest miner (the task's model, seed 1) and
/// an impostor (another model with the same vocabulary, seed 2) answer the same synthetic chat and
/// completion requests at temperatures 0, 0.5 and 1; every answer goes through the wire format and the
/// LLM check on the task's model. Prints a Markdown table of honest and impostor quality per cell.
/// <c>dotnet run -c Release --project Sn19.Benchmarks -- detection [--checks 20] [--shape Stories15M] [--weights Q8_0]</c>
/// </summary>
internal static class DetectionReport
{
    public const string Command = "detection";

    private static readonly double[] Temperatures = [0.0, 0.5, 1.0];

    public static async Task<int> RunAsync(string[] args)
    {
        var checks = 20;
        var shape = TestModelShape.Stories15M;
        var weights = WeightType.Q8_0;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--checks": checks = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--shape": shape = Enum.Parse<TestModelShape>(args[i + 1], ignoreCase: true); break;
                case "--weights": weights = Enum.Parse<WeightType>(args[i + 1], ignoreCase: true); break;
                default:
                    await Console.Error.WriteLineAsync($"unknown option {args[i]}; use --checks N, --shape S, --weights W");
                    return 2;
            }
        }

        var options = new LocalEngineOptions { MaxContext = 256, MaxConcurrentSequences = 2 };
        using var models = new BenchModels();
        var honest = models.Load(shape, weights, 1, options);
        var impostor = models.Load(shape, weights, 2, options);
        var scorer = new EngineSequenceScorer(honest, "task");
        var checker = new LlmChecker(new LlmCheckOptions());
        var generator = new SyntheticPayloadGenerator(
            MarkovTextModel.Build(await File.ReadAllTextAsync(Path.Combine(BenchModels.RepositoryRoot(), "assets", "synthetic-corpus.txt"))),
            LocalSynthetics.Load());

        var cells = new List<DetectionCell>();
        var started = DateTime.UtcNow;
        foreach (var kind in new[] { TextRequestKind.Completion, TextRequestKind.Chat })
        {
            foreach (var temperature in Temperatures)
            {
                var cell = new DetectionCell(kind, temperature);
                var random = new Random(HashCode.Combine((int)kind, temperature, 19));
                while (cell.Honest.Count < checks)
                {
                    var request = Draw(generator, kind, random) with { Temperature = temperature };
                    if (honest.EncodePrompt(EngineSequenceScorer.ToGeneration(request)).Length + request.MaxTokens + 1 > honest.Engine.ContextLength)
                    {
                        cell.SkippedPrompts++;
                        continue;
                    }

                    var seed = random.Next();
                    cell.Honest.Add(await CheckAsync(checker, scorer, honest, request, seed));
                    cell.Impostor.Add(await CheckAsync(checker, scorer, impostor, request, seed));
                }

                cells.Add(cell);
            }
        }

        Console.WriteLine(Table(cells, shape, weights, checks, DateTime.UtcNow - started));
        return cells.All(c => c.Holds) ? 0 : 1;
    }

    private static TextRequest Draw(SyntheticPayloadGenerator generator, TextRequestKind kind, Random random) =>
        kind == TextRequestKind.Chat ? generator.Chat("task", random) : generator.Completion("task", random);

    private static async Task<LlmCheckResult> CheckAsync(
        LlmChecker checker, EngineSequenceScorer scorer, LocalInferenceBackend miner, TextRequest request, int seed)
    {
        var chunks = await MinerAnswer.ChunksAsync(new InferenceMinerBackend(miner), request, CancellationToken.None);
        var stream = MinerStreamParser.Parse(chunks, request.Kind);
        return await checker.CheckAsync(request, stream, scorer, new Random(seed), CancellationToken.None);
    }

    private static string Table(List<DetectionCell> cells, TestModelShape shape, WeightType weights, int checks, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Detection: task model {shape} {weights} seed 1, impostor seed 2, {checks} checks per miner per row ({elapsed.TotalSeconds:F0} s).");
        text.AppendLine("Targets: honest quality ≥ 0.95, impostor quality ≤ 0.1.");
        text.AppendLine();
        text.AppendLine("| payload | T | honest n | honest mean q | honest min q | impostor n | impostor mean q | impostor max q | holds |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var cell in cells)
        {
            text.AppendLine(invariant,
                $"| {cell.Kind.ToString().ToLowerInvariant()} | {cell.Temperature:0.0} | {cell.Honest.Count} | {cell.Honest.Average(r => r.Quality):F3} | {cell.Honest.Min(r => r.Quality):F3} | {cell.Impostor.Count} | {cell.Impostor.Average(r => r.Quality):F3} | {cell.Impostor.Max(r => r.Quality):F3} | {(cell.Holds ? "yes" : "NO")} |");
        }

        foreach (var temperature in Temperatures)
        {
            var honest = cells.Where(c => c.Temperature == temperature).SelectMany(c => c.Honest).ToList();
            var impostor = cells.Where(c => c.Temperature == temperature).SelectMany(c => c.Impostor).ToList();
            text.AppendLine(invariant,
                $"| **both** | {temperature:0.0} | {honest.Count} | {honest.Average(r => r.Quality):F3} | {honest.Min(r => r.Quality):F3} | {impostor.Count} | {impostor.Average(r => r.Quality):F3} | {impostor.Max(r => r.Quality):F3} | {(honest.Min(r => r.Quality) >= 0.95 && impostor.Max(r => r.Quality) <= 0.1 ? "yes" : "NO")} |");
        }

        text.AppendLine();
        text.AppendLine("Why each check ended (count × reason; \"distance\" = passed the plausibility gates, quality from the mean distance):");
        text.AppendLine();
        foreach (var cell in cells)
        {
            text.AppendLine(invariant,
                $"- {cell.Kind.ToString().ToLowerInvariant()} T={cell.Temperature:0.0}: honest {Reasons(cell.Honest)}; impostor {Reasons(cell.Impostor)}; prompts redrawn (too long) {cell.SkippedPrompts}");
        }

        return text.ToString();
    }

    private static string Reasons(List<LlmCheckResult> results) => string.Join(", ", results
        .GroupBy(r => r.FailReason is null ? $"distance (mean d {results.Where(x => x.FailReason is null).Average(x => x.MeanDistance ?? 0):F3})" : Generalise(r.FailReason))
        .OrderByDescending(g => g.Count())
        .Select(g => $"{g.Count()} × {g.Key}"));

    /// <summary>Fail reasons without their per-check numbers, so equal causes group together.</summary>
    private static string Generalise(string reason)
    {
        var index = reason.IndexOf(" at token ", StringComparison.Ordinal);
        if (reason.StartsWith("at token ", StringComparison.Ordinal))
        {
            return "end-of-sequence far likelier than the token produced";
        }

        if (index >= 0)
        {
            return reason[..index];
        }

        return char.IsDigit(reason[0]) ? "too many tokens outside the top 10" : reason;
    }
}
