namespace Sn19.Inference.Kernels;

/// <summary>
/// The Q8_0 products <see cref="LinearWork"/> needs, on the widest kernels this CPU has: 512-bit block
/// pairs (<see cref="Q8Wide"/>) with AVX-512BW, else the 256-bit AVX-VNNI/AVX2 kernels
/// (<see cref="TileKernels"/>, <see cref="Q8"/>). Both families give a decode row, a tile cell and a
/// single cell the same bits, so which one runs never makes decode and prefill disagree.
/// </summary>
internal static unsafe class Q8Products
{
    /// <summary>Whether <see cref="Rows"/> and <see cref="Tile"/> may be used (else only <see cref="Dot"/>).</summary>
    public static bool HasTiles => Q8Wide.IsSupported || TileKernels.HasQ8Tile;

    /// <summary>Decode: token <paramref name="token"/> of <paramref name="x"/> against weight rows <paramref name="row"/>..+3, into y[0..3].</summary>
    public static void Rows(Q8Activations x, int token, WeightMatrix w, int row, float* y)
    {
        var quants = w.BlockQuants(row, 0);
        if (w.RowGrouped)
        {
            Q8Wide.Rows(x.Magnitudes(token), x.Signs(token), x.ScaleLanes(token), quants, Steps(w, row), w.RowUnits + row, w.Cols, y);
        }
        else
        {
            TileKernels.Q8Rows(x.Quants(token), x.Scales(token), quants, Scales(w, row), w.Cols, y);
        }
    }

    /// <summary>Prefill: tokens <paramref name="token"/>..+3 against weight rows <paramref name="row"/>..+3; y rows <paramref name="ldy"/> apart.</summary>
    public static void Tile(Q8Activations x, int token, WeightMatrix w, int row, float* y, int ldy)
    {
        var quants = w.BlockQuants(row, 0);
        if (w.RowGrouped)
        {
            Q8Wide.Tile(x.Magnitudes(token), x.Signs(token), x.ScaleLanes(token), x.Stride, quants, Steps(w, row), w.RowUnits + row, w.Cols, y, ldy);
        }
        else
        {
            TileKernels.Q8(x.Quants(token), x.Scales(token), quants, Scales(w, row), w.Cols, y, ldy);
        }
    }

    /// <summary>One token against one weight row (the edges of the tiling).</summary>
    public static float Dot(Q8Activations x, int token, WeightMatrix w, int row)
    {
        var quants = w.BlockQuants(row, 0);
        return w.RowGrouped
            ? Q8Wide.Dot(x.Magnitudes(token), x.Signs(token), x.ScaleLanes(token), quants, Steps(w, row), w.RowUnits[row], w.Cols)
            : Q8.Dot(quants, Scales(w, row), x.Quants(token), x.Scales(token), w.Cols);
    }

    private static float* Scales(WeightMatrix w, int row) => w.Scales + ((long)row * w.Cols / Q8.BlockSize);

    private static short* Steps(WeightMatrix w, int row) => w.ScaleSteps + ((long)row * w.Cols / Q8.BlockSize);
}
