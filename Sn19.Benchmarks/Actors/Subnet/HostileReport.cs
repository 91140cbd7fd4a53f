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
/// <code>dotnet run -c Release --project Sn19.Benchmarks -- hostile [--checks 40]</code>
/// </summary>
internal static class HostileReport
{
    public const string Command = "hostile";
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
        return 0;
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
