namespace Sn19.Inference.Kernels;

using System.Runtime.Intrinsics;

/// <summary>
/// The inputs of a Q8_0 product, quantised once per product for up to <c>maxTokens</c> rows. Every row is
/// quantised as <see cref="Q8.QuantizeActivations"/> does (int8 q, float d per 32 values); the 512-bit
/// kernels (<see cref="Q8Wide"/>) read it as |q|, a sign mask and d repeated over the eight int32 lanes of
/// its block, in rows padded to whole 64-byte block pairs with zeros, so a pair that runs past the last
/// block adds exactly nothing. Other machines read q and d directly, rows <c>k</c> apart.
/// </summary>
internal sealed unsafe class Q8Activations : IRowOperation
{
    private readonly sbyte* _quants;    // (tokens, k) q, rows k apart
    private readonly float* _scales;    // (tokens, k / 32) d
    private readonly byte* _magnitudes; // (tokens, Stride) |q|, zero-padded
    private readonly sbyte* _signs;     // (tokens, Stride) −1 where q < 0, else 0
    private readonly float* _lanes;     // (tokens, Stride / 4) d of each block, eight times
    private readonly int _maxCols;
    private readonly int _maxTokens;
    private float* _x;

    public Q8Activations(NativeArena arena, int maxTokens, int maxCols)
    {
        _maxTokens = maxTokens;
        _maxCols = maxCols;
        Stride = (maxCols + Q8Wide.PairBytes - 1) / Q8Wide.PairBytes * Q8Wide.PairBytes;
        _quants = arena.Allocate<sbyte>((long)maxTokens * maxCols);
        _scales = arena.Allocate<float>((long)maxTokens * maxCols / Q8.BlockSize);
        if (Q8Wide.IsSupported)
        {
            _magnitudes = arena.Allocate<byte>((long)maxTokens * Stride);
            _signs = arena.Allocate<sbyte>((long)maxTokens * Stride);
            _lanes = arena.Allocate<float>((long)maxTokens * Stride / 4);
        }
    }

    /// <summary>Bytes between rows of the wide layout (the widest input rounded up to a block pair).</summary>
    public int Stride { get; }

    /// <summary>The row length of the last <see cref="Quantize"/>.</summary>
    public int Cols { get; private set; }

    public sbyte* Quants(int token) => _quants + ((long)token * Cols);

    public float* Scales(int token) => _scales + ((long)token * Cols / Q8.BlockSize);

    public byte* Magnitudes(int token) => _magnitudes + ((long)token * Stride);

    public sbyte* Signs(int token) => _signs + ((long)token * Stride);

    public float* ScaleLanes(int token) => _lanes + ((long)token * Stride / 4);

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
            if (Q8Wide.IsSupported)
            {
                Widen(t);
            }
        }
    }

    private void Widen(int token)
    {
        var q = Quants(token);
        var d = Scales(token);
        var magnitudes = Magnitudes(token);
        var signs = Signs(token);
        var lanes = ScaleLanes(token);
        var blocks = Cols / Q8.BlockSize;
        for (var b = 0; b < blocks; b++)
        {
            var o = b * Q8.BlockSize;
            var v = Vector256.Load(q + o);
            Vector256.Abs(v).AsByte().Store(magnitudes + o);
            Vector256.LessThan(v, Vector256<sbyte>.Zero).Store(signs + o);
            Vector256.Create(d[b]).Store(lanes + (b * 8));
        }

        // Zero the rest of the last block pair: those lanes multiply weights past the row's end.
        var used = blocks * Q8.BlockSize;
        var padded = (used + Q8Wide.PairBytes - 1) / Q8Wide.PairBytes * Q8Wide.PairBytes;
        new Span<byte>(magnitudes + used, padded - used).Clear();
        new Span<sbyte>(signs + used, padded - used).Clear();
        new Span<float>(lanes + (blocks * 8), (padded - used) / 4).Clear();
    }
}
