namespace Sn19.Tests.Actors.Subnet.LlmChecks;

using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;
using Sn19.Tests.Inference.Gguf;
using Sn19.Tests.TestSupport;

/// <summary>
/// Two tiny random-weight models with the same Llama 2 vocabulary: the task's model (seed 1) and a
/// different one (seed 2), loaded once for the detection tests.
/// </summary>
public sealed class TwoModelFixture : IDisposable
{
    private readonly TempDirectory _directory = new("sn19-detect");

    public TwoModelFixture()
    {
        var vocab = TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf");
        var options = new LocalEngineOptions { Threads = 1, MaxContext = 256 };
        Task = Load(vocab, 1, options);
        Other = Load(vocab, 2, options);
    }

    public LocalInferenceBackend Task { get; }

    public LocalInferenceBackend Other { get; }

    public void Dispose()
    {
        Task.Engine.Dispose();
        Other.Engine.Dispose();
        _directory.Dispose();
    }

    private LocalInferenceBackend Load(string vocab, ulong seed, LocalEngineOptions options)
    {
        var path = _directory.File($"model-{seed}.gguf");
        TestModelWriter.Write(TestModelShape.Tiny, vocab, WeightType.F32, seed, path);
        return new LocalInferenceBackend(LlamaEngine.Load(path, options), options);
    }
}
