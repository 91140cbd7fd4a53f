namespace Sn19.Inference.Tokenizers;

using System.Text;

/// <summary>
/// ChatML (Qwen and others): <c>&lt;|im_start|&gt;{role}\n{content}&lt;|im_end|&gt;\n</c> per message, generation prompt
/// <c>&lt;|im_start|&gt;assistant\n</c>. No BOS.
/// </summary>
internal sealed class ChatMlChatTemplate : IChatTemplate
{
    public string Name => "chatml";

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            text.Append("<|im_start|>").Append(message.Role).Append('\n').Append(message.Content).Append("<|im_end|>\n");
        }

        if (addGenerationPrompt)
        {
            text.Append("<|im_start|>assistant\n");
        }

        return text.ToString();
    }
}
