namespace Sn19.Actors.Crypto.Sodium;

/// <summary>
/// The ristretto255 group (32-byte compressed points) and its scalar field mod
/// l = 2^252 + 27742317777372353535851937790883648493 (32-byte little-endian scalars), over libsodium.
/// </summary>
internal static class Ristretto255
{
    public const int PointLength = 32;
    public const int ScalarLength = 32;
    public const int WideScalarLength = 64;

    // l in little-endian bytes, for the canonical-scalar check libsodium does not export.
    private static ReadOnlySpan<byte> Order =>
    [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ];

    public static unsafe bool IsValidPoint(ReadOnlySpan<byte> point)
    {
        if (point.Length != PointLength)
        {
            return false;
        }

        SodiumLibrary.EnsureInitialized();
        fixed (byte* p = point)
        {
            return SodiumNative.RistrettoIsValidPoint(p) == 1;
        }
    }

    /// <summary>True when <paramref name="scalar"/> is a reduced scalar (&lt; l), as schnorrkel requires of s.</summary>
    public static bool IsCanonicalScalar(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != ScalarLength)
        {
            return false;
        }

        for (var i = ScalarLength - 1; i >= 0; i--)
        {
            if (scalar[i] != Order[i])
            {
                return scalar[i] < Order[i];
            }
        }

        return false;
    }

    /// <summary>result = scalar · B. False when the product is the identity (scalar ≡ 0).</summary>
    public static unsafe bool MultiplyBase(Span<byte> result, ReadOnlySpan<byte> scalar)
    {
        Check(result, PointLength);
        Check(scalar, ScalarLength);
        SodiumLibrary.EnsureInitialized();
        fixed (byte* r = result)
        fixed (byte* s = scalar)
        {
            return SodiumNative.RistrettoScalarMultBase(r, s) == 0;
        }
    }

    /// <summary>result = scalar · point. False for an invalid point or an identity product.</summary>
    public static unsafe bool Multiply(Span<byte> result, ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> point) =>
        Binary(result, PointLength, scalar, ScalarLength, point, PointLength, &SodiumNative.RistrettoScalarMult) == 0;

    public static unsafe bool Add(Span<byte> result, ReadOnlySpan<byte> p, ReadOnlySpan<byte> q) =>
        Binary(result, PointLength, p, PointLength, q, PointLength, &SodiumNative.RistrettoAdd) == 0;

    public static unsafe bool Subtract(Span<byte> result, ReadOnlySpan<byte> p, ReadOnlySpan<byte> q) =>
        Binary(result, PointLength, p, PointLength, q, PointLength, &SodiumNative.RistrettoSub) == 0;

    /// <summary>result = wide mod l (the 64-byte reduction schnorrkel calls from_bytes_mod_order_wide).</summary>
    public static unsafe void ReduceWide(Span<byte> result, ReadOnlySpan<byte> wide)
    {
        Check(result, ScalarLength);
        Check(wide, WideScalarLength);
        SodiumLibrary.EnsureInitialized();
        fixed (byte* r = result)
        fixed (byte* w = wide)
        {
            SodiumNative.ScalarReduce(r, w);
        }
    }

    /// <summary>result = scalar mod l for a 32-byte input (zero-extended to 64 bytes).</summary>
    public static void Reduce(Span<byte> result, ReadOnlySpan<byte> scalar)
    {
        Check(scalar, ScalarLength);
        Span<byte> wide = stackalloc byte[WideScalarLength];
        wide.Clear();
        scalar.CopyTo(wide);
        ReduceWide(result, wide);
        wide.Clear();
    }

    public static unsafe void ScalarAdd(Span<byte> result, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) =>
        Binary(result, ScalarLength, x, ScalarLength, y, ScalarLength, &ScalarAddStatus);

    public static unsafe void ScalarMultiply(Span<byte> result, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) =>
        Binary(result, ScalarLength, x, ScalarLength, y, ScalarLength, &ScalarMultiplyStatus);

    /// <summary>Checks the three lengths, pins the spans and calls <paramref name="operation"/>(result, a, b); its status comes back.</summary>
    private static unsafe int Binary(
        Span<byte> result, int resultLength, ReadOnlySpan<byte> a, int aLength, ReadOnlySpan<byte> b, int bLength,
        delegate*<byte*, byte*, byte*, int> operation)
    {
        Check(result, resultLength);
        Check(a, aLength);
        Check(b, bLength);
        SodiumLibrary.EnsureInitialized();
        fixed (byte* r = result)
        fixed (byte* pa = a)
        fixed (byte* pb = b)
        {
            return operation(r, pa, pb);
        }
    }

    // libsodium's scalar operations cannot fail; these give them the status-returning shape of Binary.
    private static unsafe int ScalarAddStatus(byte* result, byte* x, byte* y)
    {
        SodiumNative.ScalarAdd(result, x, y);
        return 0;
    }

    private static unsafe int ScalarMultiplyStatus(byte* result, byte* x, byte* y)
    {
        SodiumNative.ScalarMul(result, x, y);
        return 0;
    }

    private static void Check(ReadOnlySpan<byte> span, int length)
    {
        if (span.Length != length)
        {
            throw new ArgumentException($"expected {length} bytes, got {span.Length}");
        }
    }
}
