namespace Sn19.Inference.Llama;

/// <summary>One slice: what is left of a head after its 64- and 48-value groups.</summary>
internal readonly struct OneSlice : ISliceCount
{
    public int Slices => 1;
}
