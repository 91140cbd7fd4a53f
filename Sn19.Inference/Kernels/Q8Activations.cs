namespace Sn19.Inference.Kernels;

using System.Runtime.Intrinsics;

/// <summary>
/// The inputs of a Q8_0 product, quantised once per product for up to <c>maxTokens</c> rows. Every row is
/// quantised as <see cref="Q8.QuantizeActivations"/> does (int8 q, float d per 32 values), rows <c>k</c>
/// apart; the 512-bit kernels read d as it is, and q as |q| and a sign mask, in rows <see cref="Stride"/>
/// apart (<see cref="Q8Wide"/>), or as it is with −128·Σq per block (<see cref="Q8WideVnni"/>).
/// </summary>
internal sealed unsafe class Q8Activations : IRowOperation
{
    private const int CacheLine = 64;

    private readonly sbyte* _quants;    // (tokens, k) q, rows k apart
    private readonly float* _scales;    // (tokens, k / 32) d
    private readonly byte* _magnitudes; // (tokens, Stride) |q|
    private readonly sbyte* _signs;     // (tokens, Stride) −1 where q < 0, else 0
    private readonly int* _offsets;     // (tokens, k / 32) −128·Σq of each block
    private readonly int _maxCols;
    private readonly int _maxTokens;
    private float* _x;

    /// <param name="layout">The layout of the matrices these inputs will multiply (the CPU's best unless
    /// given): it decides what beyond q and d is worth computing.</param>
    public Q8Activations(NativeArena arena, int maxTokens, int maxCols, Q8Layout? layout = null)
    {
        var forLayout = layout ?? WeightMatrix.BestQ8Layout;
        _maxTokens = maxTokens;
        _maxCols = maxCols;
        Stride = (maxCols + CacheLine - 1) / CacheLine * CacheLine;
        _quants = arena.Allocate<sbyte>((long)maxTokens * maxCols);
        _scales = arena.Allocate<float>((long)maxTokens * maxCols / Q8.BlockSize);
        if (forLayout == Q8Layout.RowGroups)
        {
            _magnitudes = arena.Allocate<byte>((long)maxTokens * Stride);
            _signs = arena.Allocate<sbyte>((long)maxTokens * Stride);
        }

        if (forLayout == Q8Layout.OffsetRowGroups)
        {
            _offsets = arena.Allocate<int>((long)maxTokens * maxCols / Q8.BlockSize);
        }
    }

    /// <summary>Bytes between rows of |q| and of the sign masks (the widest input rounded up to a cache line).</summary>
    public int Stride { get; }

    /// <summary>The row length of the last <see cref="Quantize"/>.</summary>
    public int Cols { get; private set; }

    public sbyte* Quants(int token) => _quants + ((long)token * Cols);

    public float* Scales(int token) => _scales + ((long)token * Cols / Q8.BlockSize);

    /// <summary>−128·Σq of each block of token <paramref name="token"/>: where <see cref="Q8WideVnni"/>'s block sums start.</summary>
    public int* Offsets(int token) => Required(_offsets, Q8Layout.OffsetRowGroups) + ((long)token * Cols / Q8.BlockSize);

    public byte* Magnitudes(int token) => Required(_magnitudes, Q8Layout.RowGroups) + ((long)token * Stride);

    public sbyte* Signs(int token) => Required(_signs, Q8Layout.RowGroups) + ((long)token * Stride);

    /// <summary>
    /// Quantises <paramref name="tokens"/> rows of <paramref name="k"/> values (k divisible by 32), rows k
    /// apart, spread over <paramref name="rows"/> when given.
    /// </summary>
    public void Quantize(float* x, int tokens, int k, RowsWork? rows = null)
    {
        if (k > _maxCols || tokens > _maxTokens || k % Q8.BlockSize != 0)
        {
            throw new ArgumentException($"Q8 activations hold {_maxTokens} rows of up to {_maxCols} values (a multiple of 32); got {tokens} × {k}.");
        }

        Cols = k;
        _x = x;
        if (rows is null)
        {
            Rows(0, tokens, 0);
        }
        else
        {
            rows.Run(this, tokens);
        }
    }

    public void Rows(int start, int end, int worker)
    {
        for (var t = start; t < end; t++)
        {
            Q8.QuantizeActivations(_x + ((long)t * Cols), Cols, Quants(t), Scales(t));
            if (_magnitudes != null)
            {
                Widen(t);
            }

            if (_offsets != null)
            {
                SumBlocks(t);
            }
        }
    }

    private static T* Required<T>(T* rows, Q8Layout layout)
        where T : unmanaged =>
        rows != null ? rows : throw new InvalidOperationException($"These Q8 activations were not made for {layout} matrices; pass that layout to the constructor.");

    private void SumBlocks(int token)
    {
        var q = Quants(token);
        var offsets = Offsets(token);
        for (var b = 0; b < Cols / Q8.BlockSize; b++)
        {
            // |Σ| ≤ 32 · 128, so 16-bit lanes cannot overflow.
            var (low, high) = Vector256.Widen(Vector256.Load(q + (b * Q8.BlockSize)));
            offsets[b] = -128 * Vector256.Sum(low + high);
        }
    }

    private void Widen(int token)
    {
        var q = Quants(token);
        var magnitudes = Magnitudes(token);
        var signs = Signs(token);
        for (var o = 0; o < Cols; o += Q8.BlockSize)
        {
            var v = Vector256.Load(q + o);
            Vector256.Abs(v).AsByte().Store(magnitudes + o);
            Vector256.LessThan(v, Vector256<sbyte>.Zero).Store(signs + o);
        }
    }
}
