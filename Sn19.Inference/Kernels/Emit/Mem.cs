namespace Sn19.Inference.Kernels.Emit;

/// <summary>
/// A memory operand [<paramref name="Base"/> + <paramref name="Index"/>·<paramref name="Scale"/> + <paramref name="Disp"/>].
/// <see cref="X64Emitter"/> always encodes the displacement in 32 bits: AVX-512 scales 8-bit displacements by
/// the operand size, and one encoding for every instruction is simpler to get right than a few bytes shorter.
/// </summary>
internal readonly record struct Mem(Gpr Base, int Disp = 0, Gpr? Index = null, int Scale = 1)
{
    public Mem Plus(int bytes) => this with { Disp = Disp + bytes };
}
