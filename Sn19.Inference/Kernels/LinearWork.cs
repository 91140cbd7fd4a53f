namespace Sn19.Inference.Kernels;

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

/// <summary>
/// Y = X·Wᵀ for T token rows, split over the pool by units of weight rows (decode: 32 rows, a Q8_0 row group; batched: 64).
/// Each worker owns a contiguous run of units and takes the others' last units once its own are done
/// (<see cref="StealingRanges"/>): decode then reads one long stream per core, which on this machine kept
/// decode at the read probe's bandwidth where many short streams, one per shared-cursor chunk, fell to
/// ~0.75 of it in fast-memory phases (README, "Long streams"), and a slow (shared) core still hands its
/// units over. Every output element is computed by the same code whatever the split, so results do not
/// depend on the thread count.
/// With T = 1 this is a matrix-vector product streaming each weight once; with T &gt; 1 it runs the
/// register tiles (4 tokens × 4 rows, or × 32 rows on the 512-bit Q8_0 kernels: <see cref="TileKernels"/>,
/// <see cref="Q8Products"/>) over all tokens per row block.
/// One instance per engine, reused for every product (nothing is allocated per call).
/// </summary>
internal sealed unsafe class LinearWork : IParallelWork
{
    private const int VectorUnitRows = Q8RowGroups.Rows;
    private const int BatchUnitRows = 64;
    private const long InlineBelowBytes = 512 * 1024;
    private const long MaxClaimBytes = 1024 * 1024;

    private readonly WorkerPool _pool;
    private readonly float*[] _scratch;
    private readonly WeightMatrix?[] _w = new WeightMatrix?[3];
    private readonly float*[] _y = new float*[3];
    private readonly int[] _unitEnd = new int[3];
    private readonly StealingRanges _ranges;
    private int _count;
    private int _unitRows;
    private int _maxClaimUnits;
    private float* _x;
    private Q8Activations? _q;
    private int _tokens;

    /// <param name="arena">Owns the per-worker scratch (a chunk of dequantised F16 rows of up to <paramref name="maxCols"/>).</param>
    public LinearWork(WorkerPool pool, NativeArena arena, int maxCols)
    {
        _pool = pool;
        _ranges = new StealingRanges(pool.WorkerCount);
        _scratch = new float*[pool.WorkerCount];
        for (var i = 0; i < _scratch.Length; i++)
        {
            _scratch[i] = arena.Allocate<float>((long)BatchUnitRows * maxCols);
        }
    }

    /// <summary>
    /// y (tokens × w.Rows) = x (tokens × w.Cols) · wᵀ. For Q8_0 weights <paramref name="q"/> must hold x
    /// quantised by <see cref="Q8Activations.Quantize"/>.
    /// </summary>
    public void Run(WeightMatrix w, float* x, Q8Activations? q, float* y, int tokens) =>
        Run(x, q, tokens, w, y, null, null, null, null);

    /// <summary>
    /// Up to three products of the same input in one dispatch (q, k, v; or gate and up): one barrier
    /// instead of three, which matters at decode where a step is ~50 dispatches of well under a millisecond.
    /// </summary>
    public void Run(float* x, Q8Activations? q, int tokens, WeightMatrix w0, float* y0, WeightMatrix? w1, float* y1, WeightMatrix? w2, float* y2)
    {
        if (w0.Type == WeightType.Q8_0 && (q is null || q.Cols != w0.Cols))
        {
            throw new ArgumentException("Q8_0 weights need the input quantised to their row length.", nameof(q));
        }

        _x = x;
        _q = q;
        _tokens = tokens;
        _count = 0;
        _unitRows = tokens == 1 ? VectorUnitRows : BatchUnitRows;
        _maxClaimUnits = tokens <= TileKernels.Tile ? ClaimUnits(w0) : 1;
        Add(w0, y0);
        Add(w1, y1);
        Add(w2, y2);
        _ranges.Reset(_unitEnd[_count - 1]);

        // Small products run on the calling thread: below ~0.5 MB of weights (≈ 25 µs of streaming) a
        // dispatch's barrier costs more than the second core saves, and on a busy machine a barrier can
        // cost a whole scheduler slice. The result is the same either way.
        long bytes = 0;
        for (var i = 0; i < _count; i++)
        {
            bytes += _w[i]!.BytesPerPass;
        }

        if (bytes * tokens < InlineBelowBytes)
        {
            Execute(0);
        }
        else
        {
            _pool.Run(this);
        }

        Array.Clear(_w);
        _q = null;
    }

    /// <summary>
    /// Up to four tokens (decode, a small batch of streams) the product is bound by memory and claims long
    /// runs, up to <see cref="MaxClaimBytes"/> of weights (~25 µs of streaming): few enough claims that their
    /// fences cost nothing, small enough that a worker descheduled mid-claim holds back little of the job.
    /// Larger batches are bound by the tiles and claim one 64-row unit at a time, which balances better:
    /// long runs there cost 15m prefill ~15% (13.6k against 16k tok/s, 8 alternating runs).
    /// </summary>
    private int ClaimUnits(WeightMatrix w)
    {
        var unitBytes = Math.Max(1, w.BytesPerPass / w.Rows * _unitRows);
        return (int)Math.Max(1, MaxClaimBytes / unitBytes);
    }

    private void Add(WeightMatrix? w, float* y)
    {
        if (w is null)
        {
            return;
        }

        _w[_count] = w;
        _y[_count] = y;
        _unitEnd[_count] = (_count == 0 ? 0 : _unitEnd[_count - 1]) + ((w.Rows + _unitRows - 1) / _unitRows);
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(int workerIndex)
    {
        while (_ranges.TryClaim(workerIndex, _maxClaimUnits, out var first, out var count))
        {
            // A run may cross from one matrix of the job into the next.
            var m = 0;
            for (var unit = first; unit < first + count;)
            {
                while (unit >= _unitEnd[m])
                {
                    m++;
                }

                var w = _w[m]!;
                var matrixFirst = m == 0 ? 0 : _unitEnd[m - 1];
                var last = Math.Min(first + count, _unitEnd[m]);
                var start = (unit - matrixFirst) * _unitRows;
                var end = Math.Min((last - matrixFirst) * _unitRows, w.Rows);
                if (_tokens == 1)
                {
                    Vector(w, _y[m], start, end, workerIndex);
                }
                else
                {
                    Batched(w, _y[m], start, end, workerIndex);
                }

                unit = last;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Vector(WeightMatrix w, float* y, int start, int end, int workerIndex)
    {
        var k = w.Cols;
        var r = start;
        if (w.Type == WeightType.Q8_0 && Q8Products.HasTiles)
        {
            var step = Q8Products.RowStep(w);
            for (; r < end && (w.RowGrouped || r + step <= end); r += step)
            {
                Q8Products.Rows(_q!, 0, w, r, y + r, Math.Min(step, end - r));
            }
        }
        else if (w.Type != WeightType.Q8_0 && TileKernels.HasF32Tile(k))
        {
            for (; r + TileKernels.Tile <= end; r += TileKernels.Tile)
            {
                var rows = w.F32 + ((long)r * k);
                if (w.Type == WeightType.F16)
                {
                    rows = _scratch[workerIndex];
                    TensorPrimitives.ConvertToSingle(new ReadOnlySpan<Half>(w.F16 + ((long)r * k), TileKernels.Tile * k), new Span<float>(rows, TileKernels.Tile * k));
                }

                TileKernels.F32Rows(_x, rows, k, y + r);
            }
        }

        SingleRows(w, y, r, end - r, workerIndex);
    }

    private void SingleRows(WeightMatrix w, float* y, int r, int rows, int workerIndex)
    {
        if (rows == 0)
        {
            return;
        }

        float* wf = null;
        if (w.Type == WeightType.F32)
        {
            wf = w.F32 + ((long)r * w.Cols);
        }
        else if (w.Type == WeightType.F16)
        {
            wf = _scratch[workerIndex];
            TensorPrimitives.ConvertToSingle(new ReadOnlySpan<Half>(w.F16 + ((long)r * w.Cols), rows * w.Cols), new Span<float>(wf, rows * w.Cols));
        }

        Single(w, y, wf, r, rows, 0, 1);
    }

    /// <summary>A run of rows in blocks of <see cref="BatchUnitRows"/>: each block meets every token while it is in cache.</summary>
    private void Batched(WeightMatrix w, float* yOut, int start, int end, int workerIndex)
    {
        for (var block = start; block < end; block += BatchUnitRows)
        {
            BatchedBlock(w, yOut, block, Math.Min(block + BatchUnitRows, end), workerIndex);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BatchedBlock(WeightMatrix w, float* yOut, int start, int end, int workerIndex)
    {
        var k = w.Cols;
        var n = w.Rows;
        var rows = end - start;
        float* wf = null;
        if (w.Type == WeightType.F32)
        {
            wf = w.F32 + ((long)start * k);
        }
        else if (w.Type == WeightType.F16)
        {
            wf = _scratch[workerIndex];
            TensorPrimitives.ConvertToSingle(new ReadOnlySpan<Half>(w.F16 + ((long)start * k), rows * k), new Span<float>(wf, rows * k));
        }

        var q8 = w.Type == WeightType.Q8_0;
        var tiled = q8 ? Q8Products.HasTiles : TileKernels.HasF32Tile(k);
        var step = q8 && tiled ? Q8Products.RowStep(w) : TileKernels.Tile;

        // Row groups take a matrix's short last group whole; other tiles leave the rows past the last
        // whole step to the single cells below.
        var whole = !tiled ? 0 : w.RowGrouped ? rows : rows / step * step;
        var t = 0;
        for (; whole > 0 && t + TileKernels.Tile <= _tokens; t += TileKernels.Tile)
        {
            for (var j = 0; j < whole; j += step)
            {
                var r = start + j;
                var y = yOut + ((long)t * n) + r;
                if (q8)
                {
                    Q8Products.Tile(_q!, t, w, r, y, n, Math.Min(step, whole - j), fromMemory: t == 0);
                }
                else
                {
                    TileKernels.F32(_x + ((long)t * k), wf + ((long)j * k), k, y, n);
                }
            }
        }

        // The token tail (T mod 4) of the tiled rows through the decode kernels (the same bits as a tile
        // cell or a single cell); then the untiled rows for every token.
        for (; whole > 0 && t < _tokens; t++)
        {
            for (var j = 0; j < whole; j += step)
            {
                var y = yOut + ((long)t * n) + start + j;
                if (q8)
                {
                    Q8Products.Rows(_q!, t, w, start + j, y, Math.Min(step, whole - j));
                }
                else
                {
                    TileKernels.F32Rows(_x + ((long)t * k), wf + ((long)j * k), k, y);
                }
            }
        }

        Single(w, yOut, wf == null ? null : wf + ((long)whole * k), start + whole, rows - whole, 0, _tokens);
    }

    /// <summary>Element by element for the edges of the tiling; <paramref name="wf"/> points at row r as floats (not used for Q8_0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Single(WeightMatrix w, float* y, float* wf, int r, int rows, int t0, int tokens)
    {
        var k = w.Cols;
        var n = w.Rows;
        for (var t = t0; t < t0 + tokens; t++)
        {
            for (var j = 0; j < rows; j++)
            {
                y[((long)t * n) + r + j] = w.Type == WeightType.Q8_0
                    ? Q8Products.Dot(_q!, t, w, r + j)
                    : TileKernels.Dot(_x + ((long)t * k), wf + ((long)j * k), k);
            }
        }
    }
}
