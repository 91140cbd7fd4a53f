namespace Sn19.Tests.Inference.Llama;

using Sn19.Inference.Kernels;

public sealed class LlamaModelTests
{
    private static readonly int[] Tokens = [1, 17, 300, 42, 42, 5, 511, 0, 99, 256, 3, 77, 128, 64, 200, 13, 8, 450, 21, 34];

    /// <summary>Largest |engine − reference| over a position's logits, relative to that position's largest |logit|.</summary>
    private static double WorstRelativeError(float[] engine, double[][] reference, int vocab)
    {
        var worst = 0.0;
        for (var pos = 0; pos < reference.Length; pos++)
        {
            var scale = reference[pos].Max(Math.Abs);
            for (var i = 0; i < vocab; i++)
            {
                worst = Math.Max(worst, Math.Abs(engine[(pos * vocab) + i] - reference[pos][i]) / scale);
            }
        }

        return worst;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Forward_F32Batched_MatchesDoubleReferenceWithin1e4(int threads)
    {
        var (model, tensors) = TestEngine.Tiny(WeightType.F32, threads);
        using (model)
        {
            var reference = new ReferenceLlama(model.Config, tensors).Run(Tokens);
            var logits = TestEngine.Logits(model, Tokens);
            Assert.InRange(WorstRelativeError(logits, reference, model.Config.VocabSize), 0, 1e-4);
        }
    }

    [Fact]
    public void Forward_F32OneTokenAtATime_MatchesDoubleReferenceWithin1e4()
    {
        var (model, tensors) = TestEngine.Tiny(WeightType.F32);
        using (model)
        {
            var vocab = model.Config.VocabSize;
            var reference = new ReferenceLlama(model.Config, tensors).Run(Tokens);
            var logits = new float[Tokens.Length * vocab];
            using var sequence = model.CreateSequence();
            for (var i = 0; i < Tokens.Length; i++)
            {
                model.Forward(sequence, Tokens.AsSpan(i, 1), 0, logits.AsSpan(i * vocab, vocab));
            }

            Assert.InRange(WorstRelativeError(logits, reference, vocab), 0, 1e-4);
        }
    }

    [Fact]
    public void Forward_F16_MatchesReferenceOnTheSameHalfWeightsWithin1e4()
    {
        var (model, tensors) = TestEngine.Tiny(WeightType.F16);
        using (model)
        {
            var reference = new ReferenceLlama(model.Config, TestEngine.Effective(model, tensors)).Run(Tokens);
            var logits = TestEngine.Logits(model, Tokens);
            Assert.InRange(WorstRelativeError(logits, reference, model.Config.VocabSize), 0, 1e-4);
        }
    }

    /// <summary>
    /// Q8_0: the reference runs in double on exactly the engine's (dequantised) weights, so the only
    /// difference left is the engine quantising each activation vector to Q8 blocks before every product,
    /// as llama.cpp does. A block's rounding error is at most d/2 with d = amax/127 (uniform, std ≈ amax/440),
    /// i.e. about 0.6% of a Gaussian activation's spread per element; it averages down inside each dot
    /// product but compounds over the 2 × 7 products of the tiny model, and the test models' large residual
    /// updates (gain 32, see TestModelFactory) make each block's rounding count. We allow 6% of the largest
    /// |logit| (measured: 3.6%; with unit-gain weights about 1%): with logits spread over ±40 that is a
    /// shift of about 2 logits at worst, mostly far below it; the test also requires the same arg-max token
    /// at every position, and the checker compares miner and checker on the same Q8_0 arithmetic anyway.
    /// </summary>
    [Fact]
    public void Forward_Q8_MatchesReferenceOnDequantisedWeightsWithin6Percent()
    {
        var (model, tensors) = TestEngine.Tiny(WeightType.Q8_0);
        using (model)
        {
            var vocab = model.Config.VocabSize;
            var reference = new ReferenceLlama(model.Config, TestEngine.Effective(model, tensors)).Run(Tokens);
            var logits = TestEngine.Logits(model, Tokens);
            Assert.InRange(WorstRelativeError(logits, reference, vocab), 0, 0.06);
            for (var pos = 0; pos < Tokens.Length; pos++)
            {
                var row = logits.AsSpan(pos * vocab, vocab);
                Assert.Equal(Array.IndexOf(reference[pos], reference[pos].Max()), row.IndexOf(System.Numerics.Tensors.TensorPrimitives.Max(row)));
            }
        }
    }

    /// <summary>Decode (matrix-vector) and batched prefill (register tiles) accumulate every output in the
    /// same order, so scoring a sequence reproduces the logits seen while generating it to the bit.</summary>
    [Theory]
    [InlineData(WeightType.F32)]
    [InlineData(WeightType.F16)]
    [InlineData(WeightType.Q8_0)]
    public void Forward_DecodeAndBatched_AreBitIdentical(WeightType type)
    {
        var (model, _) = TestEngine.Tiny(type);
        using (model)
        {
            var vocab = model.Config.VocabSize;
            var batched = TestEngine.Logits(model, Tokens);
            var stepped = new float[Tokens.Length * vocab];
            using var sequence = model.CreateSequence();
            for (var i = 0; i < Tokens.Length; i++)
            {
                model.Forward(sequence, Tokens.AsSpan(i, 1), 0, stepped.AsSpan(i * vocab, vocab));
            }

            Assert.Equal(batched, stepped);
        }
    }

    /// <summary>A multi-sequence decode step gives each sequence the logits it gets decoding alone, to the bit,
    /// whatever the sequences' positions (so a miner's batching never changes a token or a log-probability).</summary>
    [Theory]
    [InlineData(WeightType.F32)]
    [InlineData(WeightType.Q8_0)]
    public void ForwardStep_GivesEachSequenceItsSoloLogits(WeightType type)
    {
        var (model, _) = TestEngine.Tiny(type);
        using (model)
        {
            var vocab = model.Config.VocabSize;
            int[][] prompts = [Tokens[..3], Tokens[3..11], Tokens[11..12], Tokens[12..17], Tokens[5..10], Tokens[1..2], Tokens[..19]];
            const int steps = 4;
            var next = new int[prompts.Length][];
            for (var i = 0; i < prompts.Length; i++)
            {
                next[i] = Enumerable.Range(0, steps).Select(s => ((i * 31) + (s * 7) + 2) % vocab).ToArray();
            }

            // Alone: prefill, then one token at a time.
            var solo = new float[prompts.Length][];
            for (var i = 0; i < prompts.Length; i++)
            {
                solo[i] = new float[steps * vocab];
                using var sequence = model.CreateSequence();
                model.Forward(sequence, prompts[i], prompts[i].Length, []);
                for (var s = 0; s < steps; s++)
                {
                    model.Forward(sequence, next[i].AsSpan(s, 1), 0, solo[i].AsSpan(s * vocab, vocab));
                }
            }

            // Together: the same prefills, then each step for all seven at once (one 4-token tile, a tail of 3).
            var sequences = prompts.Select(_ => model.CreateSequence()).ToArray();
            try
            {
                for (var i = 0; i < prompts.Length; i++)
                {
                    model.Forward(sequences[i], prompts[i], prompts[i].Length, []);
                }

                var logits = new float[prompts.Length * vocab];
                for (var s = 0; s < steps; s++)
                {
                    model.ForwardStep(sequences, next.Select(n => n[s]).ToArray(), logits);
                    for (var i = 0; i < prompts.Length; i++)
                    {
                        Assert.Equal(solo[i].AsSpan(s * vocab, vocab).ToArray(), logits.AsSpan(i * vocab, vocab).ToArray());
                    }
                }

                Assert.Equal(prompts.Select(p => p.Length + steps), sequences.Select(q => q.Position));
            }
            finally
            {
                foreach (var sequence in sequences)
                {
                    sequence.Dispose();
                }
            }
        }
    }

    /// <summary>Caches are recycled between sequences without clearing: a sequence must never read another's leftovers.</summary>
    [Fact]
    public void Forward_OnARecycledCache_GivesTheLogitsOfAFreshOne()
    {
        var (model, _) = TestEngine.Tiny(WeightType.Q8_0);
        using (model)
        {
            var fresh = TestEngine.Logits(model, Tokens);
            using (var other = model.CreateSequence())
            {
                var longer = Enumerable.Range(0, 3 * Tokens.Length).Select(i => (i * 37) % model.Config.VocabSize).ToArray();
                model.Forward(other, longer, longer.Length, []);
            }

            Assert.Equal(fresh, TestEngine.Logits(model, Tokens));
        }
    }
}
