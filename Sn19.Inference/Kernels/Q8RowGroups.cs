namespace Sn19.Inference.Kernels;

/// <summary>
/// How a Q8_0 matrix lays out its quants for the 512-bit kernels (<see cref="Q8Wide"/>): rows in groups of
/// 32, and inside a group, block by block, eight 128-byte slice pairs. Slice pair j is two 64-byte slices,
/// one per half of the group (rows 0–15, then 16–31); a slice holds, for each of its half's 16 rows in turn,
/// that row's quants 4j..4j+3 of the block. So one 512-bit load is four quants of 16 rows — one int32 lane
/// per row — and the kernels multiply it by
/// a token's four matching activations broadcast to every lane: a block's integer sums build up in the
/// lanes with no horizontal reductions, and the block scale is applied once per block per 16 rows instead
/// of once per 64 products (the row-by-row pair layout this replaced; see the README's figures).
/// The kernels read a block's slices in address order, and the groups follow each other, so a whole matrix
/// is one ascending stream for decode: with the halves 512 bytes apart, read alternately, decode ran at
/// ~0.8 of the read probe instead of ~1.0 (the hardware prefetchers follow ascending lines). The last group of
/// a matrix whose rows are not a multiple of 32 is zero-filled, and its scale steps and units are zero.
/// </summary>
internal static class Q8RowGroups
{
    /// <summary>Rows per group: the kernels' output rows per call.</summary>
    public const int Rows = 32;

    /// <summary>Rows per half: the int32 lanes of one 512-bit vector.</summary>
    public const int HalfRows = 16;

    /// <summary>Quants of one row in one lane of a slice.</summary>
    public const int SliceQuants = 4;

    /// <summary>Bytes of one slice: four quants of each of a half's 16 rows.</summary>
    public const int SliceBytes = HalfRows * SliceQuants;

    /// <summary>Bytes of slice pair: slice j of the first half, then of the second.</summary>
    public const int PairBytes = 2 * SliceBytes;

    /// <summary>Bytes of one block of a group: eight slice pairs.</summary>
    public const int BlockBytes = PairBytes * (Q8.BlockSize / SliceQuants);

    /// <summary>Groups of a matrix of <paramref name="rows"/> rows (the last may be partly padding).</summary>
    public static int Groups(int rows) => (rows + Rows - 1) / Rows;

    /// <summary>Bytes of a whole matrix.</summary>
    public static long Bytes(int rows, int cols) => (long)Groups(rows) * (cols / Q8.BlockSize) * BlockBytes;

    /// <summary>Where the group holding row <paramref name="row"/> starts: the kernels' weight pointer.</summary>
    public static long GroupOffset(int row, int cols) => (long)(row / Rows) * (cols / Q8.BlockSize) * BlockBytes;

    /// <summary>Where quants <paramref name="col"/>..+3 of row <paramref name="row"/> are (<paramref name="col"/> a multiple of 4).</summary>
    public static long SliceOffset(int row, int col, int cols) =>
        GroupOffset(row, cols)
        + ((long)(col / Q8.BlockSize) * BlockBytes)
        + (col % Q8.BlockSize / SliceQuants * PairBytes)
        + (row % Rows / HalfRows * SliceBytes)
        + (row % HalfRows * SliceQuants);

    /// <summary>
    /// Where the scale step of block <paramref name="block"/> of row <paramref name="row"/> is, in a steps array
    /// ordered like the quants: group, then block, then the group's 32 rows.
    /// </summary>
    public static long StepIndex(int row, int block, int cols) =>
        ((((long)(row / Rows) * (cols / Q8.BlockSize)) + block) * Rows) + (row % Rows);

    /// <summary>Steps of a whole matrix (the padding rows of the last group included).</summary>
    public static long Steps(int rows, int cols) => (long)Groups(rows) * Rows * (cols / Q8.BlockSize);
}
