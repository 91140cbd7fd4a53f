namespace Sn19.Tests.Inference.Kernels;

using Sn19.Inference.Kernels;

/// <summary>
/// The row-group Q8_0 kernels — <see cref="Q8WideVnni"/> where the CPU has AVX-VNNI, else <see cref="Q8Wide"/>
/// (test.sh runs the suite once more with AVX-VNNI off): a decode call and a tile must give each cell the same
/// bits (so scoring reproduces generation), and each must equal the exact integer block sums scaled in double,
/// so the two kernels agree to the bit as well.
/// </summary>
public sealed unsafe class Q8WideTests
{
    [Theory]
    [InlineData(32)]
    [InlineData(96)]
    [InlineData(288)]
    [InlineData(768)]
    [InlineData(1056)]
    public void RowsAndTile_AgreeToTheBitAndMatchExactBlockSums(int k)
    {
        if (!Q8Wide.IsSupported)
        {
            // xunit 2 cannot skip at run time; without AVX-512BW the engine never calls these kernels.
            return;
        }

        const int rows = Q8RowGroups.Rows;
        const int tokens = 4;
        using var arena = new NativeArena();
        var (w, q) = Random(arena, rows, tokens, k, seed: k);
        var tile = new float[tokens * rows];
        var decode = new float[rows];
        fixed (float* pt = tile, pd = decode)
        {
            Tile(w, q, k, pt, rows);
            for (var t = 0; t < tokens; t++)
            {
                Rows(w, q, t, k, pd);
                for (var r = 0; r < rows; r++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(decode[r]), BitConverter.SingleToInt32Bits(tile[(t * rows) + r]));
                    var exact = ExactBlockSums(w, r, q.Quants(t), q.Scales(t), k);
                    Assert.Equal(exact, decode[r], (Math.Abs(exact) * 1e-5) + 1e-5);
                }
            }
        }
    }

    [Fact]
    public void Products_ShortLastGroup_WritesOnlyTheMatrixRows()
    {
        if (!Q8Wide.IsSupported)
        {
            return;
        }

        const int rows = 37;
        const int tokens = 4;
        const int k = 96;
        using var arena = new NativeArena();
        var (w, q) = Random(arena, rows, tokens, k, seed: 2);
        const int ldy = rows + 3; // three guard cells after each token's outputs
        var tile = Enumerable.Repeat(float.NaN, tokens * ldy).ToArray();
        var decode = Enumerable.Repeat(float.NaN, ldy).ToArray();
        fixed (float* pt = tile, pd = decode)
        {
            Q8Products.Tile(q, 0, w, 0, pt, ldy, Q8RowGroups.Rows, fromMemory: false);
            Q8Products.Tile(q, 0, w, 32, pt + 32, ldy, rows - 32, fromMemory: true);
            for (var t = 0; t < tokens; t++)
            {
                Q8Products.Rows(q, t, w, 0, pd, Q8RowGroups.Rows);
                Q8Products.Rows(q, t, w, 32, pd + 32, rows - 32);
                for (var r = 0; r < rows; r++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(decode[r]), BitConverter.SingleToInt32Bits(tile[(t * ldy) + r]));
                    var exact = ExactBlockSums(w, r, q.Quants(t), q.Scales(t), k);
                    Assert.Equal(exact, decode[r], (Math.Abs(exact) * 1e-5) + 1e-5);
                }

                Assert.All(tile.Skip((t * ldy) + rows).Take(ldy - rows), y => Assert.True(float.IsNaN(y)));
            }

            Assert.All(decode.Skip(rows), y => Assert.True(float.IsNaN(y)));
        }
    }

    [Fact]
    public void Rows_ScalesSpreadFarBelowTheRowsLargest_StaysWithinHalfAUnitPerBlock()
    {
        if (!Q8Wide.IsSupported)
        {
            return;
        }

        const int k = 768;
        var random = new Random(11);
        using var arena = new NativeArena();
        // Every third block 3,000× smaller: its scale is no longer a whole number of the row's units.
        var weights = Enumerable.Range(0, k).Select(i => (float)(random.NextDouble() - 0.5) * (i / 32 % 3 == 0 ? 1f / 3000 : 1f)).ToArray();
        var input = Enumerable.Range(0, k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var w = WeightFactory.FromFloats(arena, 1, k, weights, WeightType.Q8_0);
        var q = new Q8Activations(arena, 1, k);
        fixed (float* x = input)
        {
            q.Quantize(x, 1, k);
        }

        float result;
        Q8Products.Rows(q, 0, w, 0, &result, 1);
        var exact = ExactBlockSums(w, 0, q.Quants(0), q.Scales(0), k);
        var bound = 0.0;
        for (var b = 0; b < k / 32; b++)
        {
            bound += w.RowUnits[0] / 2.0 * q.Scales(0)[b] * Math.Abs(BlockDot(w, 0, b, q.Quants(0)));
        }

        Assert.Contains(Enumerable.Range(0, k / 32), b => w.ScaleSteps[Q8RowGroups.StepIndex(0, b, k)] * w.RowUnits[0] != w.Scales[b]);
        Assert.InRange(Math.Abs(result - exact), 0, bound + (Math.Abs(exact) * 1e-5));
    }

    [Fact]
    public void SignSelectAndVnniKernels_AgreeToTheBit()
    {
        if (!Q8WideVnni.IsSupported)
        {
            return;
        }

        const int rows = 45; // a whole group and a short one
        const int tokens = 4;
        const int k = 288;
        var random = new Random(9);
        var weights = Enumerable.Range(0, rows * k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var input = Enumerable.Range(0, tokens * k).Select(_ => (float)((random.NextDouble() - 0.5) * 4)).ToArray();
        using var arena = new NativeArena();
        var select = WeightFactory.FromFloats(arena, rows, k, weights, WeightType.Q8_0, Q8Layout.RowGroups);
        var vnni = WeightFactory.FromFloats(arena, rows, k, weights, WeightType.Q8_0, Q8Layout.OffsetRowGroups);
        Assert.False(select.OffsetQuants);
        Assert.True(vnni.OffsetQuants);
        var qSelect = new Q8Activations(arena, tokens, k, Q8Layout.RowGroups);
        var qVnni = new Q8Activations(arena, tokens, k, Q8Layout.OffsetRowGroups);
        fixed (float* x = input)
        {
            qSelect.Quantize(x, tokens, k);
            qVnni.Quantize(x, tokens, k);
        }

        var bySelect = new float[tokens * rows];
        var byVnni = new float[tokens * rows];
        fixed (float* ps = bySelect, pv = byVnni)
        {
            foreach (var (w, q, y) in new[] { (select, qSelect, (nint)ps), (vnni, qVnni, (nint)pv) })
            {
                Q8Products.Tile(q, 0, w, 0, (float*)y, rows, Q8RowGroups.Rows, fromMemory: false);
                Q8Products.Tile(q, 0, w, 32, (float*)y + 32, rows, rows - 32, fromMemory: false);
            }
        }

        Assert.Equal(bySelect.Select(BitConverter.SingleToInt32Bits), byVnni.Select(BitConverter.SingleToInt32Bits));
        Assert.Contains(byVnni, y => y != 0);
    }

    [Fact]
    public void QuantsOfMinus128_ReadAndMultiplyAsMinus127()
    {
        // llama.cpp never writes −128, but a file may: every kernel must treat it alike (as −127), the
        // offset storage of the VNNI kernel (where −128 is the byte 0) included.
        const int rows = 4;
        const int k = 64;
        const int blockBytes = 34;
        var bytes = new byte[rows * (k / 32) * blockBytes];
        for (var b = 0; b < rows * k / 32; b++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(b * blockBytes, 2), (Half)0.5f);
            for (var i = 0; i < 32; i++)
            {
                bytes[(b * blockBytes) + 2 + i] = unchecked((byte)(sbyte)(i % 3 == 0 ? -128 : i - 16));
            }
        }

        using var arena = new NativeArena();
        var w = WeightFactory.FromGgufQ8(arena, rows, k, bytes);
        var block = new sbyte[32];
        w.ReadBlock(rows - 1, 1, block);
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (sbyte)(i % 3 == 0 ? -127 : i - 16)), block);

        var random = new Random(5);
        var input = Enumerable.Range(0, k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var q = new Q8Activations(arena, 1, k);
        fixed (float* x = input)
        {
            q.Quantize(x, 1, k);
        }

        var y = new float[rows];
        fixed (float* py = y)
        {
            Q8Products.Rows(q, 0, w, 0, py, rows);
        }

        for (var r = 0; r < rows; r++)
        {
            var exact = 0.0;
            for (var b = 0; b < k / 32; b++)
            {
                long dot = 0;
                for (var i = 0; i < 32; i++)
                {
                    dot += (i % 3 == 0 ? -127 : i - 16) * q.Quants(0)[(b * 32) + i];
                }

                exact += 0.5 * q.Scales(0)[b] * dot;
            }

            Assert.Equal(exact, y[r], (Math.Abs(exact) * 1e-5) + 1e-5);
        }
    }

    /// <summary>The kernel's own tile call (Q8Products.Tile would also do, but names neither kernel).</summary>
    private static void Tile(WeightMatrix w, Q8Activations q, int k, float* y, int ldy)
    {
        if (w.OffsetQuants)
        {
            Q8WideVnni.Tile(q.Quants(0), k, q.Offsets(0), q.Scales(0), k / 32, w.Quants, w.ScaleSteps, w.RowUnits, k, y, ldy, fromMemory: true);
        }
        else
        {
            Q8Wide.Tile(q.Magnitudes(0), q.Signs(0), q.Stride, q.Scales(0), k / 32, w.Quants, w.ScaleSteps, w.RowUnits, k, y, ldy, fromMemory: true);
        }
    }

    private static void Rows(WeightMatrix w, Q8Activations q, int token, int k, float* y)
    {
        if (w.OffsetQuants)
        {
            Q8WideVnni.Rows(q.Quants(token), q.Offsets(token), q.Scales(token), w.Quants, w.ScaleSteps, w.RowUnits, k, y);
        }
        else
        {
            Q8Wide.Rows(q.Magnitudes(token), q.Signs(token), q.Scales(token), w.Quants, w.ScaleSteps, w.RowUnits, k, y);
        }
    }

    private static (WeightMatrix W, Q8Activations Q) Random(NativeArena arena, int rows, int tokens, int k, int seed)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, rows * k).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var input = Enumerable.Range(0, tokens * k).Select(_ => (float)((random.NextDouble() - 0.5) * 4)).ToArray();
        var w = WeightFactory.FromFloats(arena, rows, k, weights, WeightType.Q8_0);
        var q = new Q8Activations(arena, tokens, k);
        fixed (float* x = input)
        {
            q.Quantize(x, tokens, k);
        }

        return (w, q);
    }

    private static long BlockDot(WeightMatrix w, int row, int block, sbyte* xq)
    {
        var wq = new sbyte[32];
        w.ReadBlock(row, block, wq);
        long dot = 0;
        for (var i = 0; i < 32; i++)
        {
            dot += wq[i] * xq[(block * 32) + i];
        }

        return dot;
    }

    private static double ExactBlockSums(WeightMatrix w, int row, sbyte* xq, float* xs, int k)
    {
        var sum = 0.0;
        for (var b = 0; b < k / 32; b++)
        {
            sum += (double)w.Scales[(row * k / 32) + b] * xs[b] * BlockDot(w, row, b, xq);
        }

        return sum;
    }
}
