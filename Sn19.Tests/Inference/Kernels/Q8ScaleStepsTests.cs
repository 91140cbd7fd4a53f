namespace Sn19.Tests.Inference.Kernels;

using Sn19.Inference.Kernels;

/// <summary>
/// The 512-bit kernels' integer scale steps: exact for half-precision scales within 16× of their row's
/// largest, within half a unit (1/65,536 of the largest) below that, and always inside the 16-bit range
/// the integer products were sized for.
/// </summary>
public sealed unsafe class Q8ScaleStepsTests
{
    [Fact]
    public void Derive_HalfScalesWithin16xOfLargest_AreExactMultiplesOfTheUnit()
    {
        var random = new Random(3);
        var scales = Enumerable.Range(0, 2 * 64).Select(_ => (float)(Half)(0.004 + (0.06 * random.NextDouble()))).ToArray();
        var steps = new short[scales.Length];
        var units = new float[2];
        fixed (float* s = scales, u = units)
        fixed (short* st = steps)
        {
            Q8ScaleSteps.Derive(s, 2, 64, st, u);
        }

        for (var i = 0; i < scales.Length; i++)
        {
            Assert.Equal(scales[i], steps[i] * units[i / 64]);
        }

        Assert.InRange(steps.Max(x => Math.Abs((int)x)), 1 << 14, Q8ScaleSteps.MaxStep);
    }

    [Fact]
    public void Derive_TinyAndNegativeScales_RoundWithinHalfAUnitAndStayInRange()
    {
        float[] scales = [1e-7f, -0.25f, 3.3e-5f, 0.5f, 0f, -1e-9f, 0.49999f, 1e-3f];
        var steps = new short[scales.Length];
        var units = new float[1];
        fixed (float* s = scales, u = units)
        fixed (short* st = steps)
        {
            Q8ScaleSteps.Derive(s, 1, scales.Length, st, u);
        }

        for (var i = 0; i < scales.Length; i++)
        {
            Assert.InRange(Math.Abs((int)steps[i]), 0, Q8ScaleSteps.MaxStep);
            Assert.True(Math.Abs(scales[i] - (steps[i] * (double)units[0])) <= units[0] / 2, $"scale {scales[i]} became {steps[i]} × {units[0]}");
        }

        Assert.True(units[0] / 2 <= 0.5 / 32768, "half a unit is at most 1/65,536 of the largest scale");
    }

    [Fact]
    public void Derive_AllZeroRow_GivesZeroStepsAndAFiniteUnit()
    {
        var scales = new float[32];
        var steps = new short[32];
        var units = new float[1];
        fixed (float* s = scales, u = units)
        fixed (short* st = steps)
        {
            Q8ScaleSteps.Derive(s, 1, 32, st, u);
        }

        Assert.All(steps, x => Assert.Equal(0, x));
        Assert.True(float.IsFinite(units[0]) && units[0] > 0);
    }

    [Fact]
    public void FromGgufQ8_MinusOneTwentyEight_IsClampedToMinusOneTwentySeven()
    {
        // One block: scale 1.0 (half 0x3C00), quants −128, 127, then zeros.
        var block = new byte[WeightFactory.GgufQ8BlockBytes];
        block[0] = 0x00;
        block[1] = 0x3C;
        block[2] = unchecked((byte)sbyte.MinValue);
        block[3] = 127;
        using var arena = new NativeArena();
        var w = WeightFactory.FromGgufQ8(arena, 1, 32, block);
        var quants = new sbyte[32];
        w.ReadBlock(0, 0, quants);
        Assert.Equal(-127, quants[0]);
        Assert.Equal(127, quants[1]);
    }
}
