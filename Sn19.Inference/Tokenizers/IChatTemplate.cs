namespace Sn19.Inference.Tokenizers;

/// <summary>
/// Renders a conversation into a model's prompt text, as the model's Hugging Face chat template would. The text
/// includes the BOS token's text where the template has one, so encode it with
/// <c>tokenizer.Encode(text, addSpecial: false, parseSpecial: true)</c> (vLLM's and Hugging Face's convention).
/// </summary>
public interface IChatTemplate
{
    /// <summary>"llama2", "llama3", "chatml" or "plain".</summary>
    string Name { get; }

    /// <summary>The prompt; <paramref name="addGenerationPrompt"/> appends the opening of the assistant's turn.</summary>
    string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt);
}
