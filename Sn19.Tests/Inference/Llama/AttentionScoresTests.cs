namespace Sn19.Tests.Inference.Llama;

using System.Runtime.Intrinsics;
using Sn19.Inference.Kernels;
using Sn19.Inference.Llama;

/// <summary>
/// Prefill scores four queries against each key load; decode scores one. Scoring reproduces generation
/// only if the two give every score the same bits, for head widths with several 16-value slices and
/// for lengths that leave a tail of single keys.
/// </summary>
public sealed unsafe class AttentionScoresTests
{
    [Theory]
    [InlineData(16, 5)]
    [InlineData(48, 9)]
    [InlineData(64, 4)]
    [InlineData(64, 23)]
    [InlineData(128, 30)]
    public void Block4_GivesEachQueryTheBitsOfOne(int hd, int length)
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return; // The 512-bit kernels only run where the engine would run them.
        }

        const int stride = 160; // keys of a wider cache row than the head, as with grouped-query attention
        const int qStride = 192;
        const int rowStride = 40;
        var random = new Random(hd + length);
        using var arena = new NativeArena();
        var keys = Fill(arena.Allocate<float>((long)length * stride), length * stride, random);
        var queries = Fill(arena.Allocate<float>(4 * qStride), 4 * qStride, random);
        var block = arena.Allocate<float>(4 * rowStride);
        var one = arena.Allocate<float>(rowStride);
        const float scale = 0.125f;

        AttentionScores.Block4(queries, qStride, keys, stride, hd, length, scale, block, rowStride);
        for (var j = 0; j < 4; j++)
        {
            AttentionScores.One(queries + (j * qStride), keys, stride, hd, length, scale, one);
            for (var s = 0; s < length; s++)
            {
                Assert.Equal(BitConverter.SingleToInt32Bits(one[s]), BitConverter.SingleToInt32Bits(block[(j * rowStride) + s]));
            }
        }
    }

    private static float* Fill(float* values, int count, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(random.NextDouble() - 0.5);
        }

        return values;
    }
}
