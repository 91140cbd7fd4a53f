namespace Sn19.Inference.Generation;

using Sn19.Inference.Gguf;
using Sn19.Inference.Llama;
using Sn19.Inference.Tokenizers;

/// <summary>
/// A loaded GGUF model: weights in native memory, its tokenizer and chat template, and the kernels'
/// worker pool. Build a <see cref="LocalInferenceBackend"/> over it to generate and score.
/// </summary>
public sealed class LlamaEngine : IDisposable
{
    private LlamaEngine(string name, LlamaModel model, ITokenizer tokenizer, IChatTemplate chatTemplate)
    {
        Name = name;
        Model = model;
        Tokenizer = tokenizer;
        ChatTemplate = chatTemplate;
    }

    public string Name { get; }

    public ITokenizer Tokenizer { get; }

    public IChatTemplate ChatTemplate { get; }

    public int ContextLength => Model.Config.ContextLength;

    public int Threads => Model.Threads;

    /// <summary>Weight bytes one decode step reads (for bandwidth figures).</summary>
    public long WeightBytesPerToken => Model.Weights.BytesPerToken;

    /// <summary>The Q8_0 kernels this CPU runs, in words (the instruction set decides them at start-up).</summary>
    public static string Q8Kernels => Kernels.Q8Products.Description;

    internal LlamaModel Model { get; }

    /// <summary>Loads <paramref name="path"/>; a file the engine cannot run is an <see cref="InvalidDataException"/> naming why.</summary>
    public static LlamaEngine Load(string path, LocalEngineOptions options)
    {
        options.Validate();
        using var file = GgufFile.Open(path);
        var weights = LlamaGguf.LoadWeights(file, options.MaxContext);
        try
        {
            var tokenizer = TokenizerFactory.FromGguf(file);
            var template = ChatTemplates.ForModel(file);
            var name = file.TryGetString("general.name", out var n) ? n : System.IO.Path.GetFileNameWithoutExtension(path);
            return new LlamaEngine(name, new LlamaModel(weights, options.EffectiveThreads, options.MaxBatch), tokenizer, template);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Model.Dispose();
        Model.Weights.Dispose();
    }
}
