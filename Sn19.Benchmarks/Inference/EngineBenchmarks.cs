namespace Sn19.Benchmarks.Inference;

using BenchmarkDotNet.Attributes;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.Llama;
using Sn19.Inference.TestModels;

/// <summary>
/// Decode and prefill-256 of the 15m and 110m test shapes, F32 and Q8_0, with 2 threads, next to a read-
/// bandwidth baseline measured in the same run. The models are written by create-test into a temp folder
/// (not committed). Columns: tok/s, and for decode the bandwidth efficiency = weight bytes per token ×
/// tokens/s ÷ the <see cref="ReadBandwidth"/> baseline's GB/s. Run:
/// <c>dotnet run -c Release --project Sn19.Benchmarks -- --filter '*EngineBenchmarks*'</c>
/// </summary>
[Config(typeof(EngineBenchmarkConfig))]
public class EngineBenchmarks
{
    private const int Threads = 2;
    private const int PrefillTokens = 256;
    private string _folder = string.Empty;
    private LlamaEngine? _engine;
    private LlamaSequence? _sequence;
    private float[] _logits = [];
    private int[] _one = new int[1];
    private int[] _prompt = [];
    private int _step;
    private WorkerPool? _pool;
    private BandwidthProbe? _probe;

    [Params("15m", "110m")]
    public string Shape { get; set; } = "15m";

    [Params("f32", "q8_0")]
    public string Type { get; set; } = "f32";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("sn19-bench-").FullName;
        var path = Path.Combine(_folder, $"{Shape}-{Type}.gguf");
        TestModelWriter.Write(Shape == "110m" ? TestModelShape.Llama110M : TestModelShape.Stories15M, VocabularyPath(), Type == "q8_0" ? WeightType.Q8_0 : WeightType.F32, 1, path);
        _engine = LlamaEngine.Load(path, new LocalEngineOptions { Threads = Threads, MaxBatch = PrefillTokens, MaxContext = 0 });
        _sequence = _engine.Model.CreateSequence();
        _logits = new float[_engine.Model.Config.VocabSize];
        _prompt = Enumerable.Range(0, PrefillTokens).Select(i => (i * 7919) % _engine.Model.Config.VocabSize).ToArray();
        EngineBenchmarkConfig.WeightBytesPerToken[$"{Shape}/{Type}"] = _engine.WeightBytesPerToken;
        _pool = new WorkerPool(Threads);
        _probe = new BandwidthProbe(_pool);
        EngineBenchmarkConfig.ProbeBytes = _probe.Bytes;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sequence?.Dispose();
        _engine?.Dispose();
        _probe?.Dispose();
        _pool?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One decode step; positions cycle through 0..255 so the attention span averages 128.</summary>
    [Benchmark]
    public void Decode()
    {
        if (_sequence!.Position >= PrefillTokens)
        {
            _sequence.Rewind(0);
        }

        _one[0] = (_step++ * 31) % _logits.Length;
        _engine!.Model.Forward(_sequence, _one, 0, _logits);
    }

    /// <summary>One batched prefill of 256 tokens (logits of the last).</summary>
    [Benchmark]
    public void Prefill256()
    {
        _sequence!.Rewind(0);
        _engine!.Model.Forward(_sequence, _prompt, PrefillTokens - 1, _logits);
    }

    /// <summary>The baseline: a 512 MiB sum with the same 2 threads.</summary>
    [Benchmark]
    public float ReadBandwidth()
    {
        _probe!.Measure(1);
        return _probe.Checksum;
    }

    private static string VocabularyPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "tokenizers", "ggml-vocab-llama-spm.gguf");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/data/tokenizers/ggml-vocab-llama-spm.gguf not found above " + AppContext.BaseDirectory);
    }
}
