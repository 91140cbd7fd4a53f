namespace Sn19.Host.Cli.Simulate;

using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Simulation;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Host.Local;
using Sn19.Host.Miner;
using Sn19.Host.Miner.Hostile;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;

/// <summary>
/// The real models of a scenario with an engine: the task's test model (Q8_0, written into a temporary folder), each
/// miner's backend chain on it (honest, or its hostile kind: the same wrappers `sn19 miner --hostile` uses; an impostor
/// on other weights; a forger writing with a Tiny model), and the LLM checker on the task's model. Disposing frees the
/// engines and deletes the folder.
/// </summary>
internal sealed class ScenarioModels : IScenarioAnswers, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sn19-simulate-" + Guid.NewGuid().ToString("N"));
    private readonly List<LlamaEngine> _engines = [];
    private readonly Dictionary<string, IMinerTextBackend> _miners = new(StringComparer.Ordinal);
    private readonly LocalEngineOptions _options = new() { MaxContext = 256, MaxConcurrentSequences = 4 };

    private ScenarioModels() => Directory.CreateDirectory(_folder);

    /// <summary>The parts the simulation runs; null with <paramref name="problems"/> naming each miner whose hostile kind is unknown.</summary>
    public static (ScenarioModels? Models, ScenarioEngineParts? Parts) TryCreate(
        Scenario scenario, TaskRegistry registry, long seed, out IReadOnlyList<string> problems)
    {
        var engine = scenario.Engine!;
        var errors = new List<string>();
        var settings = new Dictionary<string, HostileSetting>(StringComparer.Ordinal);
        // The impostor and the forger are the simulation's own (other weights; a cheaper model it writes): no setting to parse.
        foreach (var miner in scenario.Miners.Where(m => m.Hostile is not (null or Impostor or Forger)))
        {
            if (HostileSetting.Parse(miner.Hostile!, out var error) is { } setting)
            {
                settings[miner.Name] = setting;
            }
            else
            {
                errors.Add($"miners.{miner.Name}.hostile: {error}, or impostor");
            }
        }

        problems = errors;
        if (errors.Count > 0)
        {
            return (null, null);
        }

        var models = new ScenarioModels();
        try
        {
            var shape = engine.Model == "15m" ? TestModelShape.Stories15M : TestModelShape.Tiny;
            var task = models.Load(shape, engine.Seed);
            IMinerTextBackend honest = new InferenceMinerBackend(task);
            var scorer = new EngineSequenceScorer(task, "task");
            foreach (var miner in scenario.Miners)
            {
                models._miners[miner.Name] = miner.Hostile switch
                {
                    null => honest,
                    Impostor => new InferenceMinerBackend(models.Load(shape, engine.Seed + 1)),
                    Forger => new ForgerMinerBackend(new InferenceMinerBackend(models.Load(TestModelShape.Tiny, engine.Seed + 2)), scorer),
                    _ => new HostileMinerBackend(honest, settings[miner.Name]),
                };
            }

            IReadOnlyList<IResultChecker> checkers = [.. registry.All.Select(t => t.Model).Distinct(StringComparer.Ordinal)
                .Select(model => new LlmResultChecker(new EngineSequenceScorer(task, model), new LlmCheckOptions(), seed, registry.ExactModelMatch))];
            return (models, new ScenarioEngineParts(models, checkers, LocalSynthetics.Load()));
        }
        catch
        {
            models.Dispose();
            throw;
        }
    }

    /// <summary>The scenario's name for a miner on other weights (not a `sn19 miner --hostile` kind: such a miner just serves another file).</summary>
    public const string Impostor = "impostor";

    /// <summary>The scenario's forger writes with a Tiny model the simulation makes (`sn19 miner --hostile forger:FILE` names one).</summary>
    public const string Forger = "forger";

    public Task<IReadOnlyList<System.Text.Json.JsonElement>> AnswerAsync(string hotkey, Sn19.Actors.Wire.OpenAi.TextRequest request, CancellationToken cancellationToken) =>
        MinerAnswer.ChunksAsync(_miners[hotkey], request, cancellationToken);

    public void Dispose()
    {
        foreach (var engine in _engines)
        {
            engine.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private LocalInferenceBackend Load(TestModelShape shape, ulong seed)
    {
        var path = Path.Combine(_folder, $"{shape}-{seed}.gguf");
        TestModelWriter.Write(shape, Path.Combine(AppContext.BaseDirectory, "assets", "vocab", "ggml-vocab-llama-spm.gguf"), WeightType.Q8_0, seed, path);
        var engine = LlamaEngine.Load(path, _options);
        _engines.Add(engine);
        return new LocalInferenceBackend(engine, _options);
    }
}
