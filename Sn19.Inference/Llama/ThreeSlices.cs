namespace Sn19.Inference.Llama;

/// <summary>Three slices: the 48-value heads of the 15m shape.</summary>
internal readonly struct ThreeSlices : ISliceCount
{
    public int Slices => 3;
}
