namespace Sn19.Benchmarks.Actors.Subnet;

using System.Buffers;
using System.Text.Json;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Inference.Generation;
using WireAlternative = Sn19.Actors.Wire.OpenAi.TokenAlternative;

/// <summary>
/// A miner on the embedded engine as the miner host serves one: every generated step, the end-of-sequence
/// step included, becomes one OpenAI stream chunk with its log-probability, then the usage chunk. The
/// chunks come back parsed as a validator stores them.
/// </summary>
internal static class SimulatedMiner
{
    public static async Task<IReadOnlyList<JsonElement>> StreamAsync(
        LocalInferenceBackend backend, TextRequest request, bool ignoreEos, CancellationToken cancellationToken)
    {
        // The miner host asks for one alternative at least.
        var generation = EngineSequenceScorer.ToGeneration(request) with
        {
            TopLogProbs = Math.Clamp(Math.Max(request.TopLogprobs, 1), 1, 20),
            IgnoreEos = ignoreEos,
        };
        var writer = new OpenAiChunkWriter(request, "bench", DateTimeOffset.UnixEpoch);
        var buffer = new ArrayBufferWriter<byte>(1024);
        var chunks = new List<JsonElement>(request.MaxTokens + 1);
        await foreach (var step in backend.GenerateAsync(generation, cancellationToken))
        {
            if (step.FinishReason == FinishReason.Cancelled)
            {
                break;
            }

            var finish = step.FinishReason switch
            {
                null => null,
                FinishReason.Length => "length",
                _ => "stop",
            };
            var alternatives = step.TopLogProbs.Select(a => new WireAlternative(a.TokenId, a.Text, a.LogProb)).ToArray();
            buffer.ResetWrittenCount();
            writer.WriteToken(buffer, new StreamedToken(step.TokenId, step.Text, step.LogProb, alternatives), finish);
            chunks.Add(Parse(buffer));
        }

        buffer.ResetWrittenCount();
        writer.WriteUsage(buffer, new TokenUsage(backend.EncodePrompt(generation).Length, chunks.Count));
        chunks.Add(Parse(buffer));
        return chunks;
    }

    private static JsonElement Parse(ArrayBufferWriter<byte> buffer)
    {
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
