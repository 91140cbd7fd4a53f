namespace Sn19.Inference.Tokenizers;

using System.Text;

/// <summary>
/// The fallback for models with no recognised template (e.g. random-weight test models): the BOS text when the
/// vocabulary adds one, then <c>{Role}: {content}\n</c> per message (role capitalised), generation prompt
/// <c>Assistant:</c>.
/// </summary>
internal sealed class PlainChatTemplate(string bos) : IChatTemplate
{
    public string Name => "plain";

    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var text = new StringBuilder(bos);
        foreach (var message in messages)
        {
            text.Append(Capitalise(message.Role)).Append(": ").Append(message.Content).Append('\n');
        }

        if (addGenerationPrompt)
        {
            text.Append("Assistant:");
        }

        return text.ToString();
    }

    private static string Capitalise(string role) =>
        role.Length == 0 ? role : string.Concat(char.ToUpperInvariant(role[0]).ToString(), role.AsSpan(1));
}
