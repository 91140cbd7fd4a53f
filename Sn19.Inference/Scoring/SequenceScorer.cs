namespace Sn19.Inference.Scoring;

using Sn19.Inference.Llama;
using Sn19.Inference.Sampling;

/// <summary>
/// Scores a whole token sequence in batched prefill (chunks of <see cref="LlamaModel.MaxBatch"/> tokens,
/// one chunk for sequences up to that length): every position from <c>from</c> gets the log-probability
/// and rank of its actual token and the top alternatives, from the logits row of the position before it.
/// </summary>
internal static class SequenceScorer
{
    public static IReadOnlyList<PositionScore> Score(
        LlamaModel model, ReadOnlySpan<int> tokens, int from, SamplingParameters parameters, int topCount, int eosToken = -1)
    {
        parameters.Validate();
        from = Math.Max(1, from);
        var vocab = model.Config.VocabSize;
        var results = new List<PositionScore>(Math.Max(0, tokens.Length - from));
        if (tokens.Length < 2 || from >= tokens.Length)
        {
            return results;
        }

        using var sequence = model.CreateSequence();
        var distribution = new TokenDistribution(vocab);
        var top = new TokenLogProb[Math.Max(0, topCount)];

        // 32 MB for a 256-token chunk of a 32,000-token vocabulary: rented, since a validator scores all day.
        var logits = System.Buffers.ArrayPool<float>.Shared.Rent(checked(model.MaxBatch * vocab));
        try
        {
            ScoreChunks(model, sequence, tokens, from, parameters, logits, distribution, top, eosToken, results);
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(logits);
        }

        return results;
    }

    private static void ScoreChunks(
        LlamaModel model, LlamaSequence sequence, ReadOnlySpan<int> tokens, int from, SamplingParameters parameters,
        float[] logits, TokenDistribution distribution, TokenLogProb[] top, int eosToken, List<PositionScore> results)
    {
        var vocab = model.Config.VocabSize;

        // Logits row i predicts token i + 1; rows before from − 1 are not needed, and the last token predicts nothing.
        var inputs = tokens[..^1];
        for (var start = 0; start < inputs.Length; start += model.MaxBatch)
        {
            var chunk = inputs.Slice(start, Math.Min(model.MaxBatch, inputs.Length - start));
            var firstRow = Math.Clamp(from - 1 - start, 0, chunk.Length);
            model.Forward(sequence, chunk, firstRow, logits);
            for (var row = firstRow; row < chunk.Length; row++)
            {
                var position = start + row + 1;
                var actual = tokens[position];
                distribution.Prepare(logits.AsSpan(checked((row - firstRow) * vocab), vocab), parameters);
                var count = distribution.Top(top);
                var eos = eosToken >= 0 && eosToken < vocab ? distribution.LogProb(eosToken) : float.NaN;
                results.Add(new PositionScore(position, actual, distribution.LogProb(actual), distribution.Rank(actual), eos, top[..count].ToArray()));
            }
        }
    }
}
