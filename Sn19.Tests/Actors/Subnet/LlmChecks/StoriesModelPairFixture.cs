namespace Sn19.Tests.Actors.Subnet.LlmChecks;

using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;
using Sn19.Tests.TestSupport;

/// <summary>
/// The default local test model (stories15M shape, Q8_0) as the task's model (seed 1) and a different model
/// with the same vocabulary (seed 2). The tiny shape is too small for detection over synthetic prompts:
/// with 64 dimensions and tied embeddings both seeds fall into repeating the last token, which each
/// model then rates as near certain, so an impostor's answer can pass.
/// </summary>
public sealed class StoriesModelPairFixture : IDisposable
{
    private readonly TempDirectory _directory = new("sn19-detect15m");

    public StoriesModelPairFixture()
    {
        var vocab = TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf");
        var options = new LocalEngineOptions { Threads = 2, MaxContext = 256 };
        Task = Load(vocab, 1, options);
        Other = Load(vocab, 2, options);
    }

    /// <summary>The task model's file, for another engine to load.</summary>
    public string TaskFile => _directory.File("stories15m-1.gguf");

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
        var path = _directory.File($"stories15m-{seed}.gguf");
        TestModelWriter.Write(TestModelShape.Stories15M, vocab, WeightType.Q8_0, seed, path);
        return new LocalInferenceBackend(LlamaEngine.Load(path, options), options);
    }
}
