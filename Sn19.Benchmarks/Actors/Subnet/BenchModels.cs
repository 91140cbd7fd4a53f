namespace Sn19.Benchmarks.Actors.Subnet;

using System.Globalization;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;

/// <summary>
/// Random-weight test models for the check measurements, written on demand into a fresh temporary folder
/// with the Llama 2 vocabulary (the repository's <c>assets/vocab</c> copy, else <c>shared/data/tokenizers</c>
/// beside the checkout).
/// </summary>
internal sealed class BenchModels : IDisposable
{
    private const string VocabularyFile = "ggml-vocab-llama-spm.gguf";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sn19-bench-" + Guid.NewGuid().ToString("N"));
    private readonly List<LlamaEngine> _engines = [];

    public BenchModels() => Directory.CreateDirectory(_folder);

    /// <summary>Writes the model of this shape, type and seed and loads it on the embedded engine.</summary>
    public LocalInferenceBackend Load(TestModelShape shape, WeightType type, ulong seed, LocalEngineOptions options, double relativeNoise = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        var engine = LlamaEngine.Load(File(shape, type, seed, relativeNoise), options);
        _engines.Add(engine);
        return new LocalInferenceBackend(engine, options);
    }

    /// <summary>The model file of this shape, type and seed, written on first use (for another process or engine to load).</summary>
    public string File(TestModelShape shape, WeightType type, ulong seed, double relativeNoise = 0)
    {
        var path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"{shape}-{type}-{seed}-{relativeNoise}.gguf"));
        if (!System.IO.File.Exists(path))
        {
            TestModelWriter.Write(shape, VocabularyPath(), type, seed, path, relativeNoise);
        }

        return path;
    }

    public void Dispose()
    {
        foreach (var engine in _engines)
        {
            engine.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The repository root: the nearest folder holding Sn19.sln above the binaries or the working directory.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Sn19.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"no folder holding Sn19.sln above {AppContext.BaseDirectory}");
    }

    private static string VocabularyPath()
    {
        var root = RepositoryRoot();
        var bundled = Path.Combine(root, "assets", "vocab", VocabularyFile);
        if (System.IO.File.Exists(bundled))
        {
            return bundled;
        }

        for (var dir = Directory.GetParent(root); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared", "data", "tokenizers", VocabularyFile);
            if (System.IO.File.Exists(shared))
            {
                return shared;
            }
        }

        throw new FileNotFoundException($"{VocabularyFile} is neither in assets/vocab nor in a shared/data/tokenizers above {root}");
    }
}
