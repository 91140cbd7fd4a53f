namespace Sn19.Inference.Kernels;

/// <summary>An operation on independent rows of a batch (one token each), run by <see cref="RowsWork"/>.</summary>
internal interface IRowOperation
{
    /// <summary>
    /// Processes rows <paramref name="start"/> to <paramref name="end"/> − 1, every row by the same code;
    /// <paramref name="worker"/> (0 to the pool's worker count − 1) selects per-worker scratch.
    /// </summary>
    void Rows(int start, int end, int worker);
}
