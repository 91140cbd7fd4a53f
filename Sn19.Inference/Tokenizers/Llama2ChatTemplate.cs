namespace Sn19.Inference.Tokenizers;

using System.Text;

/// <summary>
/// Llama 2 chat: <c>&lt;s&gt;[INST] &lt;&lt;SYS&gt;&gt;\n{system}\n&lt;&lt;/SYS&gt;&gt;\n\n{user} [/INST] {assistant} &lt;/s&gt;&lt;s&gt;[INST] {user} [/INST]</c>.
/// An optional first system message folds into the first user turn; then roles must alternate user/assistant,
/// starting with user. Contents are trimmed. The prompt always ends ready for the assistant, so the generation
/// prompt flag changes nothing.
/// </summary>
internal sealed class Llama2ChatTemplate(string bos, string eos) : IChatTemplate
{
    public string Name => "llama2";

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        ArgumentNullException.ThrowIfNull(messages);
        string? system = null;
        var start = 0;
        if (messages.Count > 0 && messages[0].Role == "system")
        {
            system = messages[0].Content;
            start = 1;
        }

        var text = new StringBuilder();
        for (var i = start; i < messages.Count; i++)
        {
            var message = messages[i];
            var expectUser = (i - start) % 2 == 0;
            if ((message.Role == "user") != expectUser || message.Role is not ("user" or "assistant"))
            {
                throw new ArgumentException(
                    $"Llama 2 chat needs an optional system message, then user and assistant turns alternating from user; message {i} is '{message.Role}'",
                    nameof(messages));
            }

            var content = i == start && system is not null
                ? $"<<SYS>>\n{system}\n<</SYS>>\n\n{message.Content}"
                : message.Content;
            if (message.Role == "user")
            {
                text.Append(bos).Append("[INST] ").Append(content.Trim()).Append(" [/INST]");
            }
            else
            {
                text.Append(' ').Append(content.Trim()).Append(' ').Append(eos);
            }
        }

        return text.ToString();
    }
}
