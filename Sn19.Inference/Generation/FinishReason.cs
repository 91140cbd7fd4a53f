namespace Sn19.Inference.Generation;

/// <summary>Why a generation ended (carried by its last <see cref="TokenStep"/>).</summary>
public enum FinishReason
{
    /// <summary>max tokens reached, or the context is full (OpenAI "length").</summary>
    Length,

    /// <summary>A stop string or stop token was produced (OpenAI "stop").</summary>
    Stop,

    /// <summary>The model produced an end-of-generation token (OpenAI "stop").</summary>
    Eos,

    /// <summary>The caller cancelled; the step carrying it has no token (id −1).</summary>
    Cancelled,
}
