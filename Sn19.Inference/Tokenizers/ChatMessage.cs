namespace Sn19.Inference.Tokenizers;

/// <summary>One chat turn. <paramref name="Role"/> is "system", "user" or "assistant".</summary>
public sealed record ChatMessage(string Role, string Content);
