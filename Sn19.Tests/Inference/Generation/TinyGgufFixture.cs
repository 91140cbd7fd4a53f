namespace Sn19.Tests.Inference.Generation;

using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;
using Sn19.Tests.Inference.Gguf;

/// <summary>A tiny random Llama GGUF with the llama-spm vocabulary, written once per test class into a temp folder.</summary>
public sealed class TinyGgufFixture : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sn19-engine-").FullName;

    public TinyGgufFixture()
    {
        Path = System.IO.Path.Combine(_folder, "tiny.gguf");
        TestModelWriter.Write(TestModelShape.Tiny, TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"), WeightType.Q8_0, 21, Path);
        Engine = LlamaEngine.Load(Path, new LocalEngineOptions { Threads = 2, MaxBatch = 64, MaxContext = 0 });
        Backend = new LocalInferenceBackend(Engine, new LocalEngineOptions());
    }

    public string Path { get; }

    public LlamaEngine Engine { get; }

    public LocalInferenceBackend Backend { get; }

    public void Dispose()
    {
        Engine.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
