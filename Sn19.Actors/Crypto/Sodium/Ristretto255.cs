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
    public static unsafe bool Multiply(Span<byte> result, ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> point)
    {
        Check(result, PointLength);
        Check(scalar, ScalarLength);
        Check(point, PointLength);
        SodiumLibrary.EnsureInitialized();
        fixed (byte* r = result)
        fixed (byte* s = scalar)
        fixed (byte* p = point)
        {
            return SodiumNative.RistrettoScalarMult(r, s, p) == 0;
        }
    }

    public static unsafe bool Add(Span<byte> result, ReadOnlySpan<byte> p, ReadOnlySpan<byte> q)
    {
        Check(result, PointLength);
        Check(p, PointLength);
        Check(q, PointLength);
        SodiumLibrary.EnsureInitialized();
        fixed (byte* r = result)
        fixed (byte* pp = p)
        fixed (byte* qq = q)
        {
            return SodiumNative.RistrettoAdd(r, pp, qq) == 0;
        }
    }

    public static unsafe bool Subtract(Span<byte> result, ReadOnlySpan<byte> p, ReadOnlySpan<byte> q)
    {
        Check(result, PointLength);
        Check(p, PointLength);
        Check(q, PointLength);
        SodiumLibrary.EnsureInitialized();
        fixed (byte* r = result)
        fixed (byte* pp = p)
        fixed (byte* qq = q)
        {
            return SodiumNative.RistrettoSub(r, pp, qq) == 0;
        }
    }

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

    public static unsafe void ScalarAdd(Span<byte> result, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        Check(result, ScalarLength);
        Check(x, ScalarLength);
        Check(y, ScalarLength);
        SodiumLibrary.EnsureInitialized();
        fixed (byte* r = result)
        fixed (byte* xx = x)
        fixed (byte* yy = y)
        {
            SodiumNative.ScalarAdd(r, xx, yy);
        }
    }

    public static unsafe void ScalarMultiply(Span<byte> result, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        Check(result, ScalarLength);
        Check(x, ScalarLength);
        Check(y, ScalarLength);
        SodiumLibrary.EnsureInitialized();
        fixed (byte* r = result)
        fixed (byte* xx = x)
        fixed (byte* yy = y)
        {
            SodiumNative.ScalarMul(r, xx, yy);
        }
    }

    private static void Check(ReadOnlySpan<byte> span, int length)
    {
        if (span.Length != length)
        {
            throw new ArgumentException($"expected {length} bytes, got {span.Length}");
        }
    }
}
