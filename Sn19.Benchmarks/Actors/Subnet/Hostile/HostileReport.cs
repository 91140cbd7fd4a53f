namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using System.Globalization;
using System.Text;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Local;
using Sn19.Host.Miner;
using Sn19.Host.Miner.Hostile;
using Sn19.Inference.Backends.OpenAi;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;
using Sn19.Tests.LlamaCpp;

/// <summary>
/// The check under attack (issue 23), as a report: honest miners in several settings and the hostile kinds of
/// `sn19 miner --hostile` answer the same synthetic requests; each answer goes through the miner's own backend
/// chain, the wire format and the LLM check on the task's model. One table per task kind: rows = miner and
/// setting, columns = checks, mean and min quality, share failed (quality below 0.5).
/// Then near substitutes for an F32 task model (its Q8_0, its weights plus noise): detection by response length.
/// <code>dotnet run -c Release --project Sn19.Benchmarks -- hostile [--checks 40] [--curve-checks 100]</code>
/// </summary>
internal static class HostileReport
{
    public const string Command = "hostile";

    private const int Streams = 8;

    /// <summary>The honest engine in child processes with instruction sets off: the checker keeps the widest kernels.</summary>
    private static readonly (string Name, Dictionary<string, string> Switches)[] KernelSwitches =
    [
        ("AVX-VNNI off", new() { ["DOTNET_EnableAVXVNNI"] = "0" }),
        ("AVX-512 off", new() { ["DOTNET_EnableAVX512"] = "0" }),
        ("AVX-512 and AVX-VNNI off", new() { ["DOTNET_EnableAVX512"] = "0", ["DOTNET_EnableAVXVNNI"] = "0" }),
        ("all SIMD off", new() { ["DOTNET_EnableHWIntrinsic"] = "0" }),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var checks = ReportArguments.IntOption(args, "--checks", 40);
        var options = new LocalEngineOptions { MaxContext = 256, MaxConcurrentSequences = Streams };
        using var models = new BenchModels();
        var task = models.Load(TestModelShape.Stories15M, WeightType.Q8_0, 1, options);
        var scorer = new EngineSequenceScorer(task, "task");
        var checker = new LlmChecker(new LlmCheckOptions());
        var generator = new SyntheticPayloadGenerator(
            MarkovTextModel.Build(await File.ReadAllTextAsync(Path.Combine(BenchModels.RepositoryRoot(), "assets", "synthetic-corpus.txt"))),
            LocalSynthetics.Load());
        var draws = new RequestDraws(generator, task);
        var root = BenchModels.RepositoryRoot();
        LlamaCppShimFactory? startLlamaCpp = LlamaCppShim.IsInstalled(root)
            ? file => LlamaCppShim.StartAsync(root, file, 256, CancellationToken.None)
            : null;
        await using var llamaCpp = startLlamaCpp is null ? null : await startLlamaCpp(models.File(TestModelShape.Stories15M, WeightType.Q8_0, 1));
        using var http = new HttpClient();
        var started = DateTime.UtcNow;
        var text = new StringBuilder();
        foreach (var kind in new[] { TextRequestKind.Completion, TextRequestKind.Chat })
        {
            var rows = Rows(models, task, llamaCpp, http);
            var random = new Random(19 + (int)kind);
            foreach (var (row, source, shape) in rows)
            {
                if (row.Miner == "replay")
                {
                    // The replayer's first answer is honest (it is the one it replays): made before the row is measured.
                    await source.AnswerAsync([draws.Draw(kind, random, r => shape(r, 0))], CancellationToken.None);
                }

                var requests = Enumerable.Range(0, checks).Select(i => draws.Draw(kind, random, r => shape(r, i))).ToList();
                var answers = await source.AnswerAsync(requests, CancellationToken.None);
                for (var i = 0; i < requests.Count; i++)
                {
                    var stream = MinerStreamParser.Parse(answers[i], kind);
                    row.Checks.Add(await checker.CheckAsync(requests[i], stream, scorer, new Random(random.Next()), CancellationToken.None));
                    await row.Gaps.AddAsync(requests[i], stream, scorer, CancellationToken.None);
                }
            }

            text.AppendLine(Table(kind, rows.Select(r => r.Source is KernelProcessAnswers k ? r.Row with { Setting = $"{r.Row.Setting}: {k.Kernels}" } : r.Row).ToList()));
        }

        Console.WriteLine($"Hostile miners: task model Stories15M Q8_0 seed 1, checked on {Q8Products.Description}; {checks} checks per row, {(DateTime.UtcNow - started).TotalSeconds:F0} s.");
        Console.WriteLine("failed = quality below 0.5. Honest rows must show 0 failed; hostile rows should show (nearly) all.");
        Console.WriteLine(llamaCpp is null
            ? "llama.cpp rows left out: run `bash scripts/test-setup.d/40-node-packages.sh` to install it."
            : $"llama.cpp: {LlamaCppShim.Version} (prebuilt CPU binaries) serving the same GGUF file behind Sn19.Tests/LlamaCpp/shim.mjs.");
        Console.WriteLine();
        Console.Write(text);
        Console.Write(await SubstituteCurve.RunAsync(models, generator, startLlamaCpp, ReportArguments.IntOption(args, "--curve-checks", 100)));
        return 0;
    }

    /// <summary>How a row shapes its i-th request (temperature, top-k, ...).</summary>
    private delegate TextRequest Shape(TextRequest request, int index);

    private static List<(HostileRow Row, IAnswerSource Source, Shape Shape)> Rows(
        BenchModels models, LocalInferenceBackend task, LlamaCppShim? llamaCpp, HttpClient http)
    {
        var options = new LocalEngineOptions { MaxContext = 256, MaxConcurrentSequences = 1 };
        var scorer = new EngineSequenceScorer(task, "task");
        IMinerTextBackend honest = new InferenceMinerBackend(task);
        var one = new BackendAnswers(honest);
        // Honest miners across every temperature to 1.5; cheats at the temperatures a check must catch them at (≤ 1).
        Shape mixed = (r, i) => r with { Temperature = 0.5 * (i % 4) };
        Shape upToOne = (r, i) => r with { Temperature = 0.5 * (i % 3) };
        Shape hot = (r, _) => r with { Temperature = 1 };
        Shape At(double temperature, int topK = 5, double topP = 1) => (r, _) => r with { Temperature = temperature, TopK = topK, TopP = topP };
        var rows = new List<(HostileRow, IAnswerSource, Shape)>
        {
            (new HostileRow("honest", "T=0", true), one, At(0)),
            (new HostileRow("honest", "T=0.5", true), one, At(0.5)),
            (new HostileRow("honest", "T=1", true), one, hot),
            (new HostileRow("honest", "T=1.5", true), one, At(1.5)),
            (new HostileRow("honest", "T=1, top-k 40", true), one, At(1, topK: 40)),
            (new HostileRow("honest", "T=1, top-p 0.9", true), one, At(1, topP: 0.9)),
            (new HostileRow("honest", $"T=1, {Streams} streams batched", true), new BackendAnswers(honest, Streams), hot),
            (new HostileRow("honest", "T=1, long answers (160 tokens)", true), one, (r, _) => r with { Temperature = 1, MaxTokens = 160 }),
        };
        foreach (var (name, switches) in KernelSwitches)
        {
            var file = models.File(TestModelShape.Stories15M, WeightType.Q8_0, 1);
            rows.Add((new HostileRow("honest, other kernels", $"T=0/0.5/1/1.5, 4 batched, {name}", true), new KernelProcessAnswers(file, switches), mixed));
        }

        if (llamaCpp is not null)
        {
            var served = new BackendAnswers(new InferenceMinerBackend(
                new OpenAiBackend(http, new OpenAiBackendOptions { BaseUrl = llamaCpp.Url, Model = "llama-cpp" })));
            rows.Add((new HostileRow("honest, llama.cpp", "T=0", true), served, At(0)));
            rows.Add((new HostileRow("honest, llama.cpp", "T=0.5", true), served, At(0.5)));
            rows.Add((new HostileRow("honest, llama.cpp", "T=1", true), served, hot));
            rows.Add((new HostileRow("honest, llama.cpp", "T=1.5", true), served, At(1.5)));
            rows.Add((new HostileRow("honest, llama.cpp", "T=1, top-k 40", true), served, At(1, topK: 40)));
            rows.Add((new HostileRow("honest, llama.cpp", "T=1, top-p 0.9", true), served, At(1, topP: 0.9)));
        }

        var impostor = models.Load(TestModelShape.Stories15M, WeightType.Q8_0, 2, options);
        var cheaper = models.Load(TestModelShape.Tiny, WeightType.Q8_0, 3, options);
        rows.Add((new HostileRow("impostor", "other weights, T=0/0.5/1", false), new BackendAnswers(new InferenceMinerBackend(impostor)), upToOne));
        rows.Add((new HostileRow("forger", "Tiny model writes, task model's logprobs, T=0/0.5/1", false),
            new BackendAnswers(new ForgerMinerBackend(new InferenceMinerBackend(cheaper), scorer)), upToOne));
        rows.Add((new HostileRow("early-eos", "stops at 0.5 x max_tokens, T=0/0.5/1", false), Hostile(honest, "early-eos"), upToOne));
        rows.Add((new HostileRow("truncated", "cut at 0.5 x max_tokens, T=0/0.5/1", false), Hostile(honest, "truncated"), upToOne));
        rows.Add((new HostileRow("replay", "first answer again, T=0/0.5/1", false), Hostile(honest, "replay"), upToOne));
        foreach (var sigma in new[] { 0.1, 0.3, 1.0 })
        {
            var setting = sigma.ToString(CultureInfo.InvariantCulture);
            rows.Add((new HostileRow("logprob-noise", $"sigma {setting} nats, T=1", false), Hostile(honest, "logprob-noise:" + setting), hot));
        }

        return rows;
    }

    private static BackendAnswers Hostile(IMinerTextBackend honest, string setting) =>
        new(new HostileMinerBackend(honest, HostileSetting.Parse(setting, out _)!));

    private static string Table(TextRequestKind kind, List<HostileRow> rows)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"### {kind.ToString().ToLowerInvariant()}");
        text.AppendLine();
        text.AppendLine("| miner | setting | checks | mean q | min q | failed | distance d mean / p95 / max | a failure's reason | greedy answers: \\|logprob gap\\| mean / p99 / max (nats) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(invariant,
                $"| {row.Miner} | {row.Setting} | {row.Checks.Count} | {row.Checks.Average(c => c.Quality):F3} | {row.Checks.Min(c => c.Quality):F3} | {row.Failed} ({(double)row.Failed / row.Checks.Count:P0}) | {Distances(row.Checks)} | {Reason(row)} | {row.Gaps} |");
        }

        var honest = rows.Where(r => r.Honest).ToList();
        text.AppendLine(invariant, $"| **all honest** | | {honest.Sum(r => r.Checks.Count)} | | {honest.Min(r => r.Checks.Min(c => c.Quality)):F3} | {honest.Sum(r => r.Failed)} | {Distances([.. honest.SelectMany(r => r.Checks)])} | | |");
        return text.ToString();
    }

    /// <summary>The check's mean probability distance over the checks that got that far (not failed on rank or end-of-sequence).</summary>
    public static string Distances(IReadOnlyList<LlmCheckResult> checks)
    {
        var distances = checks.Where(c => c.MeanDistance is not null).Select(c => c.MeanDistance!.Value).Order().ToArray();
        return distances.Length == 0 ? "–"
            : string.Create(CultureInfo.InvariantCulture, $"{distances.Average():F3} / {distances[(int)Math.Ceiling(0.95 * distances.Length) - 1]:F3} / {distances[^1]:F3}");
    }

    /// <summary>Why the row's first failed check failed: the checker's reason, else the distance that sank its quality.</summary>
    private static string Reason(HostileRow row) =>
        row.Checks.FirstOrDefault(c => c.Quality < 0.5) is not { } failed ? ""
        : failed.FailReason ?? string.Create(CultureInfo.InvariantCulture, $"mean distance {failed.MeanDistance:F3}");
}
