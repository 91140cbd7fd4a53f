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
        if (tokens.Length < 2 || from >= tokens.Length)
        {
            return [];
        }

        using var sequence = model.CreateSequence();
        var all = tokens.ToArray();
        var results = new PositionScore[tokens.Length - from];
        using var scoring = new PositionScoring(model.Threads, vocab, parameters, topCount, eosToken);

        // 32 MB for a 256-token chunk of a 32,000-token vocabulary: rented, since a validator scores all day.
        var logits = System.Buffers.ArrayPool<float>.Shared.Rent(checked(model.MaxBatch * vocab));
        try
        {
            // Logits row i predicts token i + 1; rows before from − 1 are not needed, and the last token predicts nothing.
            var inputs = all.AsSpan(0, all.Length - 1);
            for (var start = 0; start < inputs.Length; start += model.MaxBatch)
            {
                var chunk = inputs.Slice(start, Math.Min(model.MaxBatch, inputs.Length - start));
                var firstRow = Math.Clamp(from - 1 - start, 0, chunk.Length);
                model.Forward(sequence, chunk, firstRow, logits);
                var rows = chunk.Length - firstRow;
                if (rows > 0)
                {
                    scoring.Set(logits, all, start + firstRow + 1, results, start + firstRow + 1 - from);
                    model.RunRows(scoring, rows);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(logits);
        }

        return results;
    }
}
