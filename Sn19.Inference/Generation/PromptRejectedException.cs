namespace Sn19.Inference.Generation;

/// <summary>
/// The prompt cannot be generated from as given: it does not fit the model's context, or the chat template
/// refuses the turns. A caller's mistake, not the engine's: a server answers 400 with <see cref="Code"/>.
/// </summary>
public sealed class PromptRejectedException : ArgumentException
{
    public PromptRejectedException()
        : this("the prompt was rejected", "invalid_prompt")
    {
    }

    public PromptRejectedException(string message)
        : this(message, "invalid_prompt")
    {
    }

    public PromptRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "invalid_prompt";
    }

    public PromptRejectedException(string message, string code, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>OpenAI's error code for it: <c>context_length_exceeded</c> or <c>invalid_prompt</c>.</summary>
    public string Code { get; }
}
