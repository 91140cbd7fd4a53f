namespace Sn19.Inference.TestModels;

/// <summary>Shapes of the random-weight test models.</summary>
public enum TestModelShape
{
    /// <summary>dim 64, 2 layers, 4 heads, 2 kv heads, ffn 192, ctx 256, tied output (fast tests).</summary>
    Tiny,

    /// <summary>llama2.c stories15M: dim 288, 6 layers, 6 heads, ffn 768, ctx 256, tied output.</summary>
    Stories15M,

    /// <summary>llama2.c stories110M-like: dim 768, 12 layers, 12 heads, ffn 2048, ctx 1024, separate output (~134 M parameters at 32k vocab).</summary>
    Llama110M,
}
