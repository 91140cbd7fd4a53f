namespace Sn19.Host.Miner;

using System.Buffers;
using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// A backend's answer as a validator stores it, made in memory: each generated token written as the miner host's
/// stream chunk (<see cref="OpenAiChunkWriter"/>), then the usage chunk, each parsed back. For benchmarks and tests
/// that put a miner's backend chain (honest or hostile) in front of the check without HTTP.
/// </summary>
internal static class MinerAnswer
{
    public static async Task<IReadOnlyList<JsonElement>> ChunksAsync(IMinerTextBackend miner, TextRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(miner);
        var writer = new OpenAiChunkWriter(request, "in-memory", DateTimeOffset.UnixEpoch);
        var buffer = new ArrayBufferWriter<byte>(1024);
        var chunks = new List<JsonElement>();
        int? promptTokens = null;
        var count = 0;
        await foreach (var generated in miner.GenerateAsync(request, cancellationToken))
        {
            buffer.ResetWrittenCount();
            generated.WriteTo(writer, buffer);
            chunks.Add(Parse(buffer));
            promptTokens = generated.PromptTokens ?? promptTokens;
            count += generated.IsFinishOnly ? 0 : 1;
        }

        buffer.ResetWrittenCount();
        writer.WriteUsage(buffer, new TokenUsage(promptTokens ?? 0, count));
        chunks.Add(Parse(buffer));
        return chunks;
    }

    private static JsonElement Parse(ArrayBufferWriter<byte> buffer)
    {
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
