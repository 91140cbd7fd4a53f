namespace Sn19.Tests.Inference.Gguf;

using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Sn19.Inference.Gguf;

public sealed class Q8QuantizationTests
{
    [Fact]
    public void Quantize_ScaleOne_RoundsHalfAwayFromZero()
    {
        var x = new float[32];
        x[0] = 127f;
        x[1] = 0.5f;
        x[2] = -0.5f;
        x[3] = 2.5f;
        x[4] = -2.5f;
        x[5] = 1.49f;
        x[6] = -127f;
        var block = new byte[34];

        Q8Quantization.Quantize(x, block);

        Assert.Equal((Half)1f, BinaryPrimitives.ReadHalfLittleEndian(block));
        Assert.Equal(new sbyte[] { 127, 1, -1, 3, -3, 1, -127, 0 }, block.Skip(2).Take(8).Select(b => (sbyte)b));
    }

    [Fact]
    public void Quantize_AllZeroBlock_GivesZeroScaleAndValues()
    {
        var block = new byte[34];
        Array.Fill(block, (byte)0xAA);
        Q8Quantization.Quantize(new float[32], block);
        Assert.All(block, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Quantize_ThenDequantize_ErrorWithinHalfStepPlusScaleRounding()
    {
        // Per element |x - d16*q| <= d/2 (rounding of q) + 127 * |d - d16| (f16 rounding of the stored scale).
        var property = Prop.ForAll(
            Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000f).ArrayOf(64).ToArbitrary(),
            x =>
            {
                var blocks = new byte[Q8Quantization.ByteCount(x.Length)];
                Q8Quantization.Quantize(x, blocks);
                var back = new float[x.Length];
                Q8Quantization.Dequantize(blocks, back);
                for (var b = 0; b < 2; b++)
                {
                    var amax = x.Skip(b * 32).Take(32).Max(MathF.Abs);
                    var d = amax / 127f;
                    var d16 = (float)(Half)d;
                    var bound = (d / 2f) + (127f * MathF.Abs(d - d16)) + 1e-6f;
                    for (var j = b * 32; j < (b + 1) * 32; j++)
                    {
                        if (MathF.Abs(x[j] - back[j]) > bound)
                        {
                            return false;
                        }
                    }
                }

                return true;
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(12345, 67891), property);
    }

    [Fact]
    public void ByteCount_NotMultipleOf32_Throws()
    {
        Assert.Equal(68, Q8Quantization.ByteCount(64));
        Assert.Throws<ArgumentOutOfRangeException>(() => Q8Quantization.ByteCount(33));
    }
}
