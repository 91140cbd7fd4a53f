namespace Sn19.Host.Miner;

using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// A token from a backend; the last one carries the finish reason (stop, length) and the prompt's token
/// count where the backend knows it (for usage). A server may send the finish reason on its own after the last
/// token (<see cref="IsFinishOnly"/>): that step is no token.
/// </summary>
internal sealed record GeneratedToken(StreamedToken Token, string? FinishReason, int? PromptTokens = null)
{
    /// <summary>Only the finish reason: no token id, no text, no alternatives.</summary>
    public bool IsFinishOnly => FinishReason is not null && Token.Id < 0 && Token.Text.Length == 0 && Token.Top.Count == 0;

    /// <summary>Writes this step's chunk: the token with its finish reason, or the finish reason alone.</summary>
    public void WriteTo(OpenAiChunkWriter writer, System.Buffers.IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (IsFinishOnly)
        {
            writer.WriteFinish(output, FinishReason!);
        }
        else
        {
            writer.WriteToken(output, Token, FinishReason);
        }
    }
}
