namespace Sn19.Inference.Llama;

/// <summary>Four slices: a 64-value group of a head.</summary>
internal readonly struct FourSlices : ISliceCount
{
    public int Slices => 4;
}
