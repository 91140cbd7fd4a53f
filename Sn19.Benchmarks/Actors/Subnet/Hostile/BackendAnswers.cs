namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Miner;

/// <summary>A miner's backend chain (honest, hostile, or on an OpenAI-compatible server) answering in this process,
/// <paramref name="together"/> requests at a time (the engine batches their decode).</summary>
internal sealed class BackendAnswers(IMinerTextBackend miner, int together = 1) : IAnswerSource
{
    public async Task<IReadOnlyList<IReadOnlyList<JsonElement>>> AnswerAsync(IReadOnlyList<TextRequest> requests, CancellationToken cancellationToken)
    {
        var answers = new List<IReadOnlyList<JsonElement>>(requests.Count);
        foreach (var batch in requests.Chunk(together))
        {
            answers.AddRange(await Task.WhenAll(batch.Select(r => MinerAnswer.ChunksAsync(miner, r, cancellationToken))));
        }

        return answers;
    }
}
