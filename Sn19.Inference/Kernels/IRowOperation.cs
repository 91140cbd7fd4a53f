namespace Sn19.Inference.Kernels;

/// <summary>An operation on independent rows of a batch (one token each), run by <see cref="RowsWork"/>.</summary>
internal interface IRowOperation
{
    /// <summary>Processes rows <paramref name="start"/> to <paramref name="end"/> − 1; every row by the same code.</summary>
    void Rows(int start, int end);
}
