namespace Sn19.Tests.Actors.Subnet.LlmChecks;

using System.Buffers;
using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Miner;
using Sn19.Inference.Generation;

/// <summary>
/// What the miner host streams for a request on the embedded engine: the host's own backend mapping
/// (<see cref="InferenceMinerBackend"/>) written chunk by chunk, the end-of-sequence step included, then the
/// usage chunk, parsed as a validator stores them.
/// </summary>
internal static class WireMinerStream
{
    public static async Task<IReadOnlyList<JsonElement>> ChunksAsync(LocalInferenceBackend miner, TextRequest request)
    {
        var backend = new InferenceMinerBackend(miner);
        var writer = new OpenAiChunkWriter(request, "id", DateTimeOffset.UnixEpoch);
        var chunks = new List<JsonElement>();
        var buffer = new ArrayBufferWriter<byte>();
        var promptTokens = 0;
        await foreach (var generated in backend.GenerateAsync(request, default))
        {
            promptTokens = generated.PromptTokens ?? promptTokens;
            buffer.ResetWrittenCount();
            writer.WriteToken(buffer, generated.Token, generated.FinishReason);
            chunks.Add(Parse(buffer));
        }

        buffer.ResetWrittenCount();
        writer.WriteUsage(buffer, new TokenUsage(promptTokens, chunks.Count));
        chunks.Add(Parse(buffer));
        return chunks;
    }

    private static JsonElement Parse(ArrayBufferWriter<byte> buffer)
    {
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
