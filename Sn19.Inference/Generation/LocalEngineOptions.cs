namespace Sn19.Inference.Generation;

using Microsoft.Extensions.Configuration;

/// <summary>Options of the embedded CPU engine (HOCON <c>inference.engine</c>).</summary>
public sealed class LocalEngineOptions
{
    /// <summary>Worker threads for the kernels, the caller included; 0 = one per core.</summary>
    [ConfigurationKeyName("threads")]
    public int Threads { get; set; }

    /// <summary>Tokens per batched forward (prefill and scoring chunk); larger reuses each weight over more tokens.</summary>
    [ConfigurationKeyName("max-batch")]
    public int MaxBatch { get; set; } = 256;

    /// <summary>Cap on the context (each sequence's KV cache holds this many positions); 0 = the model's own.</summary>
    [ConfigurationKeyName("max-context")]
    public int MaxContext { get; set; } = 2048;

    /// <summary>Sequences generating or scoring at once; the rest wait.</summary>
    [ConfigurationKeyName("max-concurrent-sequences")]
    public int MaxConcurrentSequences { get; set; } = 4;

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad key.</summary>
    public void Validate()
    {
        Check(Threads >= 0, "inference.engine.threads must be ≥ 0");
        Check(MaxBatch is >= 1 and <= 4096, "inference.engine.max-batch must be 1 to 4096");
        Check(MaxContext >= 0, "inference.engine.max-context must be ≥ 0");
        Check(MaxConcurrentSequences >= 1, "inference.engine.max-concurrent-sequences must be ≥ 1");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
