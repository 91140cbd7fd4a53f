namespace Sn19.Tests.Actors.Subnet.LlmChecks;

using System.Buffers;
using System.Text.Json;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Inference.Generation;
using WireAlternative = Sn19.Actors.Wire.OpenAi.TokenAlternative;

/// <summary>
/// What the miner host streams for a request on the embedded engine: one chunk per generated step (the
/// end-of-sequence step included, with no text), one alternative per step, then the usage chunk.
/// </summary>
internal static class WireMinerStream
{
    public static async Task<IReadOnlyList<JsonElement>> ChunksAsync(LocalInferenceBackend miner, TextRequest request)
    {
        var generation = EngineSequenceScorer.ToGeneration(request) with { TopLogProbs = 1 };
        var writer = new OpenAiChunkWriter(request, "id", DateTimeOffset.UnixEpoch);
        var chunks = new List<JsonElement>();
        await foreach (var step in miner.GenerateAsync(generation, default))
        {
            var buffer = new ArrayBufferWriter<byte>();
            var finish = step.FinishReason switch { null => null, FinishReason.Length => "length", _ => "stop" };
            var top = step.TopLogProbs.Select(a => new WireAlternative(a.TokenId, a.Text, a.LogProb)).ToArray();
            writer.WriteToken(buffer, new StreamedToken(step.TokenId, step.Text, step.LogProb, top), finish);
            chunks.Add(JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone());
        }

        var usage = new ArrayBufferWriter<byte>();
        writer.WriteUsage(usage, new TokenUsage(miner.EncodePrompt(generation).Length, chunks.Count));
        chunks.Add(JsonDocument.Parse(usage.WrittenMemory).RootElement.Clone());
        return chunks;
    }
}
