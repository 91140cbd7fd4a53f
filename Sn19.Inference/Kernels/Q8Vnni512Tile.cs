namespace Sn19.Inference.Kernels;

using System.Runtime.Intrinsics.X86;
using Sn19.Inference.Kernels.Emit;

/// <summary>
/// The prefill tile of <see cref="Q8WideVnni"/> (4 tokens × one 32-row group, weights stored as w + 128) on
/// 512-bit vpdpbusd, which .NET 10 has no intrinsic for: the code is emitted at start-up (<see cref="X64Emitter"/>)
/// into executable pages and called through a function pointer. One zmm vpdpbusd is 64 products where the
/// intrinsic kernel needs two 256-bit ones, and the activations come straight from memory through the
/// instruction's embedded broadcast: an in-cache tile runs at ~2× the intrinsic kernel's rate (README figures).
/// Per lane it runs the very operations of <see cref="Q8WideVnni.Tile"/> — block sums started at −128·Σq,
/// then acc = fma(float(sum), step·d_x, acc), then acc·unit — so the two, and decode, agree to the bit.
/// Used on Linux x64 where the CPU has AVX512-VNNI and the runtime has AVX-512 and AVX-VNNI turned on;
/// SN19_EMITTED_KERNELS=0 turns it off.
/// </summary>
internal static unsafe class Q8Vnni512Tile
{
    private static readonly delegate* unmanaged[SuppressGCTransition]<Q8Vnni512TileArgs*, void> Streaming = Create(prefetch: false);
    private static readonly delegate* unmanaged[SuppressGCTransition]<Q8Vnni512TileArgs*, void> Prefetching = Create(prefetch: true);

    public static bool IsSupported => Streaming != null && Prefetching != null;

    /// <summary>As <see cref="Q8WideVnni.Tile"/>, with strides in elements.</summary>
    public static void Tile(sbyte* xq, int stride, int* offsets, float* dx, int blockStride, sbyte* wq, short* steps, float* units, int k, float* y, int ldy, bool fromMemory)
    {
        var args = new Q8Vnni512TileArgs
        {
            X = xq,
            Stride = stride,
            Offsets = offsets,
            Scales = dx,
            BlockStride = (long)blockStride * sizeof(int),
            Weights = (byte*)wq,
            Steps = steps,
            Units = units,
            Blocks = k / Q8.BlockSize,
            Y = y,
            YStride = (long)ldy * sizeof(float),
        };
        (fromMemory ? Prefetching : Streaming)(&args);
    }

    /// <summary>The machine code of the tile; <paramref name="prefetch"/> adds decode's prefetches (see <see cref="Q8Wide.PrefetchBytes"/>).</summary>
    public static byte[] Emit(bool prefetch)
    {
        // zmm0–7: block sums (token t: 2t rows 0–15, 2t + 1 rows 16–31); zmm16–23: float sums, alike;
        // zmm24–25 a slice pair's weights; zmm26–27 the block's steps; zmm28 d_x; zmm29 step·d_x; zmm30 a converted sum.
        var e = new X64Emitter();
        foreach (var saved in CalleeSaved)
        {
            e.Push(saved);
        }

        var args = Gpr.Rdi;
        e.Load(Gpr.Rsi, new Mem(args, Q8Vnni512TileArgs.XOffset));
        e.Load(Gpr.Rdx, new Mem(args, Q8Vnni512TileArgs.StrideOffset));
        e.Load(Gpr.R8, new Mem(args, Q8Vnni512TileArgs.OffsetsOffset));
        e.Load(Gpr.R13, new Mem(args, Q8Vnni512TileArgs.ScalesOffset));
        e.Load(Gpr.R9, new Mem(args, Q8Vnni512TileArgs.BlockStrideOffset));
        e.Load(Gpr.R10, new Mem(args, Q8Vnni512TileArgs.WeightsOffset));
        e.Load(Gpr.R11, new Mem(args, Q8Vnni512TileArgs.StepsOffset));
        e.Load(Gpr.Rax, new Mem(args, Q8Vnni512TileArgs.BlocksOffset));
        e.Lea(Gpr.Rcx, new Mem(Gpr.Rdx, Index: Gpr.Rdx, Scale: 2)); // 3 · stride
        e.Lea(Gpr.R12, new Mem(Gpr.R9, Index: Gpr.R9, Scale: 2));   // 3 · block stride
        for (var t = 0; t < TileKernels.Tile; t++)
        {
            e.Zero(FloatSum(t, 0));
            e.Zero(FloatSum(t, 1));
        }

        var block = e.Position;
        for (var t = 0; t < TileKernels.Tile; t++)
        {
            var offset = TokenRow(Gpr.R8, Gpr.R9, Gpr.R12, t);
            e.BroadcastInt(BlockSum(t, 0), offset);
            e.BroadcastInt(BlockSum(t, 1), offset);
        }

        for (var j = 0; j < Q8.BlockSize / Q8RowGroups.SliceQuants; j++)
        {
            var pair = new Mem(Gpr.R10, j * Q8RowGroups.PairBytes);
            if (prefetch)
            {
                e.Prefetch(pair.Plus(Q8Wide.PrefetchBytes));
                e.Prefetch(pair.Plus(Q8RowGroups.SliceBytes + Q8Wide.PrefetchBytes));
            }

            e.LoadInts(24, pair);
            e.LoadInts(25, pair.Plus(Q8RowGroups.SliceBytes));
            for (var t = 0; t < TileKernels.Tile; t++)
            {
                var x = TokenRow(Gpr.Rsi, Gpr.Rdx, Gpr.Rcx, t).Plus(j * Q8RowGroups.SliceQuants);
                e.VpdpbusdBroadcast(BlockSum(t, 0), 24, x);
                e.VpdpbusdBroadcast(BlockSum(t, 1), 25, x);
            }
        }

        e.WidenShorts(26, new Mem(Gpr.R11));
        e.IntsToFloats(26, 26);
        e.WidenShorts(27, new Mem(Gpr.R11, Q8RowGroups.HalfRows * sizeof(short)));
        e.IntsToFloats(27, 27);
        for (var t = 0; t < TileKernels.Tile; t++)
        {
            e.BroadcastFloat(28, TokenRow(Gpr.R13, Gpr.R9, Gpr.R12, t));
            for (var half = 0; half < 2; half++)
            {
                e.Multiply(29, 26 + half, 28);
                e.IntsToFloats(30, BlockSum(t, half));
                e.FusedMultiplyAdd(FloatSum(t, half), 30, 29);
            }
        }

        e.Add(Gpr.Rsi, Q8.BlockSize);
        e.Add(Gpr.R8, sizeof(int));
        e.Add(Gpr.R13, sizeof(float));
        e.Add(Gpr.R10, Q8RowGroups.BlockBytes);
        e.Add(Gpr.R11, Q8RowGroups.Rows * sizeof(short));
        e.Decrement(Gpr.Rax);
        e.JumpIfNotZero(block);

        e.Load(Gpr.R10, new Mem(args, Q8Vnni512TileArgs.UnitsOffset));
        e.Load(Gpr.R11, new Mem(args, Q8Vnni512TileArgs.YOffset));
        e.Load(Gpr.Rdx, new Mem(args, Q8Vnni512TileArgs.YStrideOffset));
        e.LoadFloats(26, new Mem(Gpr.R10));
        e.LoadFloats(27, new Mem(Gpr.R10, Q8RowGroups.HalfRows * sizeof(float)));
        for (var t = 0; t < TileKernels.Tile; t++)
        {
            for (var half = 0; half < 2; half++)
            {
                e.Multiply(FloatSum(t, half), FloatSum(t, half), 26 + half);
                e.StoreFloats(new Mem(Gpr.R11, half * Q8RowGroups.HalfRows * sizeof(float)), FloatSum(t, half));
            }

            if (t < TileKernels.Tile - 1)
            {
                e.Add(Gpr.R11, Gpr.Rdx);
            }
        }

        e.ZeroUpper();
        foreach (var saved in CalleeSaved.Reverse())
        {
            e.Pop(saved);
        }

        e.Return();
        return e.ToArray();
    }

    /// <summary>The System V registers the code uses that its caller expects back unchanged.</summary>
    private static Gpr[] CalleeSaved => [Gpr.Rbx, Gpr.R12, Gpr.R13];

    private static int BlockSum(int token, int half) => (2 * token) + half;

    private static int FloatSum(int token, int half) => 16 + (2 * token) + half;

    /// <summary>Token <paramref name="token"/>'s entry of a per-token array: base, base + stride, base + 2·stride, base + 3·stride.</summary>
    private static Mem TokenRow(Gpr start, Gpr stride, Gpr threeStrides, int token) => token switch
    {
        0 => new Mem(start),
        1 => new Mem(start, Index: stride),
        2 => new Mem(start, Index: stride, Scale: 2),
        _ => new Mem(start, Index: threeStrides),
    };

    private static delegate* unmanaged[SuppressGCTransition]<Q8Vnni512TileArgs*, void> Create(bool prefetch)
    {
        if (!CpuRuns || Environment.GetEnvironmentVariable("SN19_EMITTED_KERNELS") == "0")
        {
            return null;
        }

        return (delegate* unmanaged[SuppressGCTransition]<Q8Vnni512TileArgs*, void>)ExecutableMemory.TryCreate(Emit(prefetch));
    }

    /// <summary>
    /// Linux x64 (the System V convention: the argument arrives in rdi), AVX-512 and AVX-VNNI on in the
    /// runtime (so DOTNET_EnableAVX512=0 and DOTNET_EnableAVXVNNI=0 turn this off too), and AVX512-VNNI:
    /// CPUID leaf 7, sub-leaf 0, ECX bit 11.
    /// </summary>
    private static bool CpuRuns =>
        OperatingSystem.IsLinux()
        && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64
        && Q8WideVnni.IsSupported
        && (X86Base.CpuId(7, 0).Ecx & (1 << 11)) != 0;
}
