namespace Sn19.Host.Local;

using System.Diagnostics;
using Sn19.Host.Configuration;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;

/// <summary>
/// The local subnet's two models, created on first run in &lt;data-dir&gt;/models and reused after: the
/// task's model, and a different model with the same vocabulary for the impostor miner.
/// </summary>
internal static class LocalModels
{
    public static (string Task, string Other) Ensure(LocalOptions options, string dataDir, TextWriter output)
    {
        var shape = options.ModelShape switch
        {
            "tiny" => TestModelShape.Tiny,
            "15m" => TestModelShape.Stories15M,
            "110m" => TestModelShape.Llama110M,
            _ => throw new ConfigurationException($"local.model-shape '{options.ModelShape}' is not tiny, 15m or 110m", null, null, "local.model-shape"),
        };
        var type = options.ModelType switch
        {
            "f32" => WeightType.F32,
            "q8_0" => WeightType.Q8_0,
            _ => throw new ConfigurationException($"local.model-type '{options.ModelType}' is not f32 or q8_0", null, null, "local.model-type"),
        };
        var vocabulary = Path.Combine(AppContext.BaseDirectory, "assets", "vocab", "ggml-vocab-llama-spm.gguf");
        var folder = Path.Combine(dataDir, "models");
        Directory.CreateDirectory(folder);
        var task = Path.Combine(folder, $"task-{options.ModelShape}-{options.ModelType}-seed{options.TaskModelSeed}.gguf");
        var other = Path.Combine(folder, $"other-{options.ModelShape}-{options.ModelType}-seed{options.OtherModelSeed}.gguf");
        Create(task, shape, type, vocabulary, options.TaskModelSeed, "the task's model", output);
        Create(other, shape, type, vocabulary, options.OtherModelSeed, "the impostor's model", output);
        return (task, other);
    }

    private static void Create(string path, TestModelShape shape, WeightType type, string vocabulary, ulong seed, string role, TextWriter output)
    {
        if (File.Exists(path))
        {
            return;
        }

        output.Write($"Creating {role} ({Path.GetFileName(path)}) ... ");
        output.Flush();
        var watch = Stopwatch.StartNew();
        // Write to a temporary name first: a run stopped half-way never leaves a truncated model behind.
        var partial = path + ".partial";
        var bytes = TestModelWriter.Write(shape, vocabulary, type, seed, partial);
        File.Move(partial, path, overwrite: true);
        output.WriteLine($"{bytes / (1024.0 * 1024.0):F1} MiB in {watch.Elapsed.TotalSeconds:F1} s");
    }
}
