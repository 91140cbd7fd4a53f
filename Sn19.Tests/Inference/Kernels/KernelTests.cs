namespace Sn19.Tests.Inference.Kernels;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Inference.Kernels;

public sealed unsafe class KernelTests
{
    [Fact]
    public void Q8Dot_SimdAndScalar_Agree()
    {
        Prop.ForAll(Arb.From(Gen.Choose(1, 8)), Arb.From(Gen.Choose(0, 10_000)), (blocks, seed) =>
        {
            var n = blocks * Q8.BlockSize;
            var random = new Random(seed);
            var w = new sbyte[n];
            var x = new sbyte[n];
            for (var i = 0; i < n; i++)
            {
                w[i] = (sbyte)random.Next(-127, 128);
                x[i] = (sbyte)random.Next(-127, 128);
            }

            var ws = Enumerable.Range(0, blocks).Select(_ => (float)random.NextDouble()).ToArray();
            var xs = Enumerable.Range(0, blocks).Select(_ => (float)random.NextDouble()).ToArray();
            fixed (sbyte* pw = w, px = x)
            fixed (float* pws = ws, pxs = xs)
            {
                var simd = Q8.Dot(pw, pws, px, pxs, n);
                var scalar = Q8.DotScalar(pw, pws, px, pxs, n);
                // Float sums of up to 8 block terms of magnitude ≤ 32·127² each: allow float rounding of that size.
                return Math.Abs(simd - scalar) <= 1e-6 * blocks * 32 * 127 * 127;
            }
        }).Check(Config.QuickThrowOnFailure.WithReplay(12345UL, 67891UL));
    }

    [Fact]
    public void QuantizeActivations_RoundTrip_WithinHalfAStep()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 96).Select(_ => (float)((random.NextDouble() - 0.5) * 10)).ToArray();
        var quants = new sbyte[96];
        var scales = new float[3];
        var back = new float[96];
        fixed (float* v = values, s = scales)
        fixed (sbyte* q = quants)
        {
            Q8.QuantizeActivations(v, 96, q, s);
            Q8.Dequantize(q, s, 96, back);
        }

        for (var i = 0; i < 96; i++)
        {
            Assert.InRange(Math.Abs(back[i] - values[i]), 0, (scales[i / 32] / 2) + 1e-6);
        }
    }

    [Theory]
    [InlineData(WeightType.F32, 1, 37, 64)]
    [InlineData(WeightType.F32, 9, 40, 64)]
    [InlineData(WeightType.F16, 6, 20, 64)]
    [InlineData(WeightType.Q8_0, 1, 21, 64)]
    [InlineData(WeightType.Q8_0, 7, 36, 64)]
    [InlineData(WeightType.Q8_0, 1, 21, 96)]
    [InlineData(WeightType.Q8_0, 9, 40, 288)]
    public void LinearWork_AnyShapeAndThreads_MatchesRowByRowReference(WeightType type, int tokens, int rows, int cols)
    {
        var random = new Random(rows);
        var values = Enumerable.Range(0, rows * cols).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var input = Enumerable.Range(0, tokens * cols).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        using var arena = new NativeArena();
        var w = WeightFactory.FromFloats(arena, rows, cols, values, type);
        var q = new Q8Activations(arena, tokens, cols);
        var row = new float[cols];
        foreach (var threads in new[] { 1, 2, 3 })
        {
            using var pool = new WorkerPool(threads);
            var work = new LinearWork(pool, arena, cols);
            var y = new float[tokens * rows];
            fixed (float* x = input, py = y)
            {
                q.Quantize(x, tokens, cols);
                work.Run(w, x, q, py, tokens);
            }

            for (var t = 0; t < tokens; t++)
            {
                for (var r = 0; r < rows; r++)
                {
                    w.DequantizeRow(r, row);
                    double expected = 0;
                    for (var i = 0; i < cols; i++)
                    {
                        expected += row[i] * input[(t * cols) + i];
                    }

                    // Q8_0 also rounds the input to 8 bits: at most half a step (amax/254) per element.
                    var tolerance = type == WeightType.Q8_0 ? 0.05 * cols / 64 : 1e-4;
                    Assert.InRange(Math.Abs(y[(t * rows) + r] - expected), 0, tolerance);
                }
            }
        }
    }
}
