namespace Sn19.Inference.Kernels;

using System.Diagnostics;

/// <summary>
/// The Q8_0 products <see cref="LinearWork"/> needs, on the widest kernels this CPU has: 32-row groups with
/// AVX-512BW, through vpdpbusd where there is AVX-VNNI too (<see cref="Q8WideVnni"/>; its prefill tile on
/// emitted 512-bit code where the CPU has AVX512-VNNI, <see cref="Q8Vnni512Tile"/>), else through
/// multiplies and a sign select (<see cref="Q8Wide"/>); without AVX-512BW the 256-bit AVX-VNNI/AVX2
/// kernels, four rows at a time (<see cref="TileKernels"/>, <see cref="Q8"/>). Each family gives a decode row, a tile cell and
/// a single cell the same bits, so which one runs never makes decode and prefill disagree.
/// </summary>
internal static unsafe class Q8Products
{
    /// <summary>The Q8_0 kernels this process runs, in words (for `model bench`).</summary>
    public static string Description => WeightMatrix.BestQ8Layout switch
    {
        Q8Layout.OffsetRowGroups when Q8Vnni512Tile.IsSupported => "prefill 512-bit vpdpbusd (emitted code), decode 256-bit vpdpbusd, 32-row groups",
        Q8Layout.OffsetRowGroups => "256-bit vpdpbusd, 32-row groups",
        Q8Layout.RowGroups => "512-bit vpmaddubsw with a sign select, 32-row groups",
        _ when System.Runtime.Intrinsics.X86.AvxVnni.IsSupported => "256-bit vpdpbusd, 4 rows a call",
        _ when TileKernels.HasQ8Tile => "256-bit vpmaddubsw, 4 rows a call",
        _ => "scalar",
    };

    /// <summary>Whether <see cref="Rows"/> and <see cref="Tile"/> may be used (else only <see cref="Dot"/>).</summary>
    public static bool HasTiles => Q8Wide.IsSupported || TileKernels.HasQ8Tile;

    /// <summary>
    /// Weight rows per <see cref="Rows"/> or <see cref="Tile"/> call: a row group (32) on the 512-bit kernels,
    /// which also take the short last group of a matrix; 4 on the 256-bit ones, which take whole calls only.
    /// </summary>
    public static int RowStep(WeightMatrix w) => w.RowGrouped ? Q8RowGroups.Rows : TileKernels.Tile;

    /// <summary>
    /// Decode: token <paramref name="token"/> of <paramref name="x"/> against weight rows <paramref name="row"/>..+
    /// <paramref name="count"/> − 1 (<see cref="RowStep"/> of them, or the rest of a row-grouped matrix), into y.
    /// </summary>
    public static void Rows(Q8Activations x, int token, WeightMatrix w, int row, float* y, int count)
    {
        var quants = w.QuantsAt(row);
        if (!w.RowGrouped)
        {
            TileKernels.Q8Rows(x.Quants(token), x.Scales(token), quants, Scales(w, row), w.Cols, y);
        }
        else if (count == Q8RowGroups.Rows)
        {
            GroupRows(x, token, w, row, y);
        }
        else
        {
            // The last group of a matrix whose rows are not a multiple of 32: its padding rows' outputs are dropped.
            var group = stackalloc float[Q8RowGroups.Rows];
            GroupRows(x, token, w, row, group);
            new ReadOnlySpan<float>(group, count).CopyTo(new Span<float>(y, count));
        }
    }

    /// <summary>
    /// Prefill: tokens <paramref name="token"/>..+3 against weight rows as <see cref="Rows"/> takes them; y rows
    /// <paramref name="ldy"/> apart. <paramref name="fromMemory"/>: the rows are not in cache yet (prefetch them).
    /// </summary>
    public static void Tile(Q8Activations x, int token, WeightMatrix w, int row, float* y, int ldy, int count, bool fromMemory)
    {
        var quants = w.QuantsAt(row);
        if (!w.RowGrouped)
        {
            TileKernels.Q8(x.Quants(token), x.Scales(token), quants, Scales(w, row), w.Cols, y, ldy);
        }
        else if (count == Q8RowGroups.Rows)
        {
            GroupTile(x, token, w, row, y, ldy, fromMemory);
        }
        else
        {
            var group = stackalloc float[TileKernels.Tile * Q8RowGroups.Rows];
            GroupTile(x, token, w, row, group, Q8RowGroups.Rows, fromMemory);
            for (var t = 0; t < TileKernels.Tile; t++)
            {
                new ReadOnlySpan<float>(group + (t * Q8RowGroups.Rows), count).CopyTo(new Span<float>(y + ((long)t * ldy), count));
            }
        }
    }

    /// <summary>One token against one row-major weight row (the edges of the 256-bit tiling).</summary>
    public static float Dot(Q8Activations x, int token, WeightMatrix w, int row)
    {
        Debug.Assert(!w.RowGrouped, "Row groups have no edges: Rows and Tile take a matrix's short last group.");
        return Q8.Dot(w.QuantsAt(row), Scales(w, row), x.Quants(token), x.Scales(token), w.Cols);
    }

    private static void GroupRows(Q8Activations x, int token, WeightMatrix w, int row, float* y)
    {
        if (w.OffsetQuants)
        {
            Q8WideVnni.Rows(x.Quants(token), x.Offsets(token), x.Scales(token), w.QuantsAt(row), w.StepsAt(row), w.RowUnits + row, w.Cols, y);
        }
        else
        {
            Q8Wide.Rows(x.Magnitudes(token), x.Signs(token), x.Scales(token), w.QuantsAt(row), w.StepsAt(row), w.RowUnits + row, w.Cols, y);
        }
    }

    private static void GroupTile(Q8Activations x, int token, WeightMatrix w, int row, float* y, int ldy, bool fromMemory)
    {
        var blocks = x.Cols / Q8.BlockSize;
        if (w.OffsetQuants && Q8Vnni512Tile.IsSupported)
        {
            Q8Vnni512Tile.Tile(x.Quants(token), x.Cols, x.Offsets(token), x.Scales(token), blocks, w.QuantsAt(row), w.StepsAt(row), w.RowUnits + row, w.Cols, y, ldy, fromMemory);
        }
        else if (w.OffsetQuants)
        {
            Q8WideVnni.Tile(x.Quants(token), x.Cols, x.Offsets(token), x.Scales(token), blocks, w.QuantsAt(row), w.StepsAt(row), w.RowUnits + row, w.Cols, y, ldy, fromMemory);
        }
        else
        {
            Q8Wide.Tile(x.Magnitudes(token), x.Signs(token), x.Stride, x.Scales(token), blocks, w.QuantsAt(row), w.StepsAt(row), w.RowUnits + row, w.Cols, y, ldy, fromMemory);
        }
    }

    private static float* Scales(WeightMatrix w, int row) => w.Scales + ((long)row * w.Cols / Q8.BlockSize);
}
