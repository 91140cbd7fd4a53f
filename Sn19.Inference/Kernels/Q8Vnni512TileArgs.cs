namespace Sn19.Inference.Kernels;

using System.Runtime.InteropServices;

/// <summary>
/// What <see cref="Q8Vnni512Tile"/>'s emitted code reads, by field offset (8 bytes each): one pointer to
/// this struct is its only argument, so the code needs no calling convention beyond the first argument
/// register. Strides are in bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Q8Vnni512TileArgs
{
    public const int XOffset = 0;
    public const int StrideOffset = 8;
    public const int OffsetsOffset = 16;
    public const int ScalesOffset = 24;
    public const int BlockStrideOffset = 32;
    public const int WeightsOffset = 40;
    public const int StepsOffset = 48;
    public const int UnitsOffset = 56;
    public const int BlocksOffset = 64;
    public const int YOffset = 72;
    public const int YStrideOffset = 80;

    /// <summary>Token 0's quants; tokens 1–3 follow <see cref="Stride"/> bytes apart.</summary>
    public sbyte* X;
    public long Stride;

    /// <summary>Token 0's −128·Σq per block; tokens 1–3 follow <see cref="BlockStride"/> bytes apart, as do the scales.</summary>
    public int* Offsets;

    /// <summary>Token 0's block scales d_x.</summary>
    public float* Scales;
    public long BlockStride;

    /// <summary>The row group's quants, stored as w + 128.</summary>
    public byte* Weights;
    public short* Steps;
    public float* Units;
    public long Blocks;

    /// <summary>Token 0's 32 outputs; tokens 1–3 follow <see cref="YStride"/> bytes apart.</summary>
    public float* Y;
    public long YStride;
}
