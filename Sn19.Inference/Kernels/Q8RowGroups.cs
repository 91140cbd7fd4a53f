namespace Sn19.Inference.Kernels;

/// <summary>
/// How a Q8_0 matrix lays out its quants for the 512-bit kernels (<see cref="Q8Wide"/>): rows in groups of
/// four, and inside a group the four rows' block pairs interleaved, pair by pair: row 4g's 64 quants of
/// pair p, then row 4g+1's, 4g+2's and 4g+3's, then pair p+1. Decode and the prefill tile both take four
/// rows at a time, so either reads one sequential stream instead of four rows' streams k bytes apart.
/// Row by row, the hardware prefetchers restarted every k bytes (768 on a 110m projection: 12 cache
/// lines); 110m Q8_0 decode, back to back against the same probe: bandwidth efficiency 0.88–0.92 row by row,
/// 1.02–1.04 in row groups (see the README's figures). A row that ends mid-pair has zeros in the pair's
/// second half, and the last group of a matrix whose rows are not a multiple of four is zero-filled.
/// </summary>
internal static class Q8RowGroups
{
    /// <summary>Rows per group: the kernels' four rows.</summary>
    public const int Rows = 4;

    /// <summary>Bytes from one block pair of a row to its next: a pair of each row of the group.</summary>
    public const int PairStride = Rows * Q8Wide.PairBytes;

    /// <summary>Block pairs per row of <paramref name="cols"/> weights (a trailing half pair counts as one).</summary>
    public static int Pairs(int cols) => ((cols / Q8.BlockSize) + 1) / 2;

    /// <summary>Bytes of a whole matrix.</summary>
    public static long Bytes(int rows, int cols) => (long)((rows + Rows - 1) / Rows) * Pairs(cols) * PairStride;

    /// <summary>Where block <paramref name="block"/> of row <paramref name="row"/> starts (its 32 quants are contiguous).</summary>
    public static long BlockOffset(int row, int block, int cols) =>
        ((long)(row / Rows) * Pairs(cols) * PairStride)
        + ((long)(block / 2) * PairStride)
        + (row % Rows * Q8Wide.PairBytes)
        + (block % 2 * Q8.BlockSize);
}
