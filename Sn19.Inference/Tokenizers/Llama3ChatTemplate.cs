namespace Sn19.Inference.Tokenizers;

using System.Text;

/// <summary>
/// Llama 3 chat: <c>&lt;|begin_of_text|&gt;</c> then per message
/// <c>&lt;|start_header_id|&gt;{role}&lt;|end_header_id|&gt;\n\n{content, trimmed}&lt;|eot_id|&gt;</c>; the generation prompt
/// is <c>&lt;|start_header_id|&gt;assistant&lt;|end_header_id|&gt;\n\n</c>. Any role name is allowed.
/// </summary>
internal sealed class Llama3ChatTemplate(string bos) : IChatTemplate
{
    public string Name => "llama3";

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var text = new StringBuilder(bos);
        foreach (var message in messages)
        {
            text.Append("<|start_header_id|>").Append(message.Role).Append("<|end_header_id|>\n\n")
                .Append(message.Content.Trim()).Append("<|eot_id|>");
        }

        if (addGenerationPrompt)
        {
            text.Append("<|start_header_id|>assistant<|end_header_id|>\n\n");
        }

        return text.ToString();
    }
}
