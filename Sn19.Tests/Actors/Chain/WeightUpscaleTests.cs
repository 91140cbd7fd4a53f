namespace Sn19.Tests.Actors.Chain;

using Sn19.Actors.Chain;

public sealed class WeightUpscaleTests
{
    [Fact]
    public void MaxUpscale_AlreadyMax_Unchanged()
    {
        Assert.Equal(new ushort[] { 65535, 32768, 16384 }, WeightUpscale.MaxUpscale([65535, 32768, 16384]));
    }

    [Fact]
    public void MaxUpscale_SmallMax_RoundsHalfAwayFromZero()
    {
        // 1·65535/2 = 32767.5 → 32768 (substrate-fixed round()).
        Assert.Equal(new ushort[] { 32768, 65535 }, WeightUpscale.MaxUpscale([1, 2]));
    }

    [Fact]
    public void MaxUpscale_LargeMax_UsesRatioFirst()
    {
        // max 40000 > 32768: round(w·(65535/40000)); 65535/40000 = 1.638375 truncated to I32F32.
        var up = WeightUpscale.MaxUpscale([40_000, 20_000, 1]);
        Assert.Equal(65535, up[0]);
        Assert.Equal(32767, up[1]);
        Assert.Equal(2, up[2]);
    }

    [Fact]
    public void MaxUpscale_AllZero_Unchanged()
    {
        Assert.Equal(new ushort[] { 0, 0 }, WeightUpscale.MaxUpscale([0, 0]));
    }
}
