namespace Sn19.Inference.Generation;

using System.Diagnostics;
using Sn19.Inference.Kernels;
using Sn19.Inference.Llama;

/// <summary>Decode and prefill throughput of a loaded engine, and its memory-bandwidth efficiency.</summary>
public static class EngineBenchmark
{
    /// <summary>Tokens per second of greedy-free decode (forward only) over <paramref name="tokens"/> steps after a short warm-up.</summary>
    public static double DecodeTokensPerSecond(LlamaEngine engine, int tokens = 64) => Decode(engine.Model, tokens);

    /// <summary>Tokens per second of one batched prefill of <paramref name="tokens"/> tokens (best of <paramref name="repeats"/>).</summary>
    public static double PrefillTokensPerSecond(LlamaEngine engine, int tokens = 256, int repeats = 3) => Prefill(engine.Model, tokens, repeats);

    /// <summary>
    /// <paramref name="rounds"/> rounds of (two probe passes over <paramref name="probeBytes"/>, then
    /// <paramref name="steps"/> decode steps), each giving weight bytes × tokens/s ÷ read bandwidth.
    /// </summary>
    public static BandwidthEfficiency InterleavedEfficiency(LlamaEngine engine, int rounds = 7, int steps = 32, long probeBytes = 512L << 20)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var model = engine.Model;
        using var pool = new WorkerPool(engine.Threads);
        using var probe = new BandwidthProbe(pool, probeBytes);
        using var sequence = model.CreateSequence();
        var logits = new float[model.Config.VocabSize];
        var one = new int[1];
        steps = Math.Clamp(steps, 1, model.Config.ContextLength - 1);
        Decode(model, 8);
        var reads = new double[rounds];
        var rates = new double[rounds];
        var ratios = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            reads[r] = probe.Measure(passes: 2);
            if (sequence.Position + steps > model.Config.ContextLength)
            {
                sequence.Rewind(0);
            }

            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < steps; i++)
            {
                one[0] = (i * 7919) % model.Config.VocabSize;
                model.Forward(sequence, one, 0, logits);
            }

            rates[r] = steps / Stopwatch.GetElapsedTime(start).TotalSeconds;
            ratios[r] = engine.WeightBytesPerToken * rates[r] / reads[r];
        }

        return new BandwidthEfficiency(Median(ratios), ratios.Min(), ratios.Max(), Median(reads), Median(rates), rounds);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static double Decode(LlamaModel model, int tokens)
    {
        using var sequence = model.CreateSequence();
        var logits = new float[model.Config.VocabSize];
        var one = new int[1];
        var steps = Math.Min(tokens, model.Config.ContextLength - 8);
        WarmUp(() =>
        {
            using var warm = model.CreateSequence();
            for (var i = 0; i < 8; i++)
            {
                one[0] = i % model.Config.VocabSize;
                model.Forward(warm, one, 0, logits);
            }
        });

        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < steps; i++)
        {
            one[0] = (i * 7919) % model.Config.VocabSize;
            model.Forward(sequence, one, 0, logits);
        }

        return steps / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>
    /// Aggregate decode tokens per second of <paramref name="streams"/> sequences stepping together
    /// (<see cref="LlamaModel.ForwardStep"/>: the weights read once per step for all of them), each
    /// first given a short prompt so that the sequences sit at different positions.
    /// </summary>
    public static double BatchedDecodeTokensPerSecond(LlamaEngine engine, int streams, int steps = 32)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var model = engine.Model;
        streams = Math.Clamp(streams, 1, model.MaxBatch);
        steps = Math.Clamp(steps, 1, model.Config.ContextLength - streams - 8);
        var vocab = model.Config.VocabSize;
        var sequences = new LlamaSequence[streams];
        try
        {
            var tokens = new int[streams];
            for (var i = 0; i < streams; i++)
            {
                sequences[i] = model.CreateSequence();
                model.Forward(sequences[i], Enumerable.Range(1, i + 1).Select(t => (t * 7919) % vocab).ToArray(), i + 1, []);
            }

            var logits = new float[streams * vocab];
            WarmUp(() => Step(0));
            var start = Stopwatch.GetTimestamp();
            for (var s = 0; s < steps; s++)
            {
                Step(s);
            }

            return streams * steps / Stopwatch.GetElapsedTime(start).TotalSeconds;

            void Step(int s)
            {
                // The longest sequence is the last (it had the longest prompt); rewind all before it fills the context.
                if (sequences[^1].Position + 1 >= model.Config.ContextLength)
                {
                    foreach (var sequence in sequences)
                    {
                        sequence.Rewind(1);
                    }
                }

                for (var i = 0; i < streams; i++)
                {
                    tokens[i] = ((s * 31) + i) % vocab;
                }

                model.ForwardStep(sequences, tokens, logits);
            }
        }
        finally
        {
            foreach (var sequence in sequences)
            {
                sequence?.Dispose();
            }
        }
    }

    internal static double Prefill(LlamaModel model, int tokens, int repeats)
    {
        tokens = Math.Min(tokens, Math.Min(model.MaxBatch, model.Config.ContextLength));
        var prompt = Enumerable.Range(0, tokens).Select(i => (i * 7919) % model.Config.VocabSize).ToArray();
        var logits = new float[model.Config.VocabSize];
        WarmUp(() =>
        {
            using var warm = model.CreateSequence();
            model.Forward(warm, prompt, tokens - 1, logits);
        });
        var best = 0.0;
        for (var r = 0; r < repeats; r++)
        {
            using var sequence = model.CreateSequence();
            var start = Stopwatch.GetTimestamp();
            model.Forward(sequence, prompt, tokens - 1, logits);
            best = Math.Max(best, tokens / Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return best;
    }

    /// <summary>
    /// Runs <paramref name="pass"/> for at least half a second (three passes at least) before timing: the
    /// runtime compiles hot methods a second time, optimised, only after ~30 calls and a short delay, and a
    /// few cold passes measured prefill at half its steady speed.
    /// </summary>
    private static void WarmUp(Action pass)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < 3 || Stopwatch.GetElapsedTime(start) < TimeSpan.FromSeconds(0.5); i++)
        {
            pass();
        }
    }
}
