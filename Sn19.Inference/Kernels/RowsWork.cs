namespace Sn19.Inference.Kernels;

/// <summary>
/// Spreads a per-token operation (normalisation, the feed-forward gate, activation quantisation) over the
/// pool, four rows at a time. A prefill's element-wise stages ran on the calling thread while the other
/// core waited at the next product's barrier; on the 15m shape they were a third of a 255-token prefill.
/// A handful of rows (decode) runs inline: a dispatch costs more than it saves there.
/// </summary>
internal sealed class RowsWork(WorkerPool pool) : IParallelWork
{
    private const int RowsPerClaim = 4;
    private const int InlineBelowRows = 16;
    private IRowOperation? _operation;
    private int _rows;
    private int _cursor;

    public void Run(IRowOperation operation, int rows)
    {
        if (rows < InlineBelowRows || pool.WorkerCount == 1)
        {
            operation.Rows(0, rows, 0);
            return;
        }

        _operation = operation;
        _rows = rows;
        _cursor = 0;
        pool.Run(this);
        _operation = null;
    }

    public void Execute(int workerIndex)
    {
        while (true)
        {
            var start = Interlocked.Add(ref _cursor, RowsPerClaim) - RowsPerClaim;
            if (start >= _rows)
            {
                return;
            }

            _operation!.Rows(start, Math.Min(start + RowsPerClaim, _rows), workerIndex);
        }
    }
}
