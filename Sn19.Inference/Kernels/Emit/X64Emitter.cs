namespace Sn19.Inference.Kernels.Emit;

/// <summary>
/// Encodes the few x86-64 instructions the emitted kernels use (<see cref="Q8Vnni512Tile"/>): 512-bit
/// AVX-512 forms through the 4-byte EVEX prefix, a handful of 64-bit integer instructions, and a backward
/// conditional jump. Vector registers are numbered 0–31 (zmm0–zmm31). Encodings follow the Intel SDM,
/// Vol. 2, §2.7 (EVEX) and the instruction pages; tests check the bytes of each form against it.
/// </summary>
internal sealed class X64Emitter
{
    // EVEX opcode maps and implied prefixes.
    private const int Map0F = 1;
    private const int Map0F38 = 2;
    private const int NoPrefix = 0;
    private const int Prefix66 = 1;
    private const int PrefixF3 = 2;

    private readonly List<byte> _code = [];

    /// <summary>Where the next instruction goes (a jump target).</summary>
    public int Position => _code.Count;

    public byte[] ToArray() => [.. _code];

    /// <summary>vpdpbusd zmm<paramref name="acc"/>, zmm<paramref name="unsigned"/>, dword [m]{1to16}: acc += Σ of 4 u8·s8 per lane, the signed bytes one dword broadcast.</summary>
    public void VpdpbusdBroadcast(int acc, int unsigned, Mem signedDword) => EvexMem(0x50, Map0F38, Prefix66, acc, unsigned, signedDword, broadcast: true);

    /// <summary>vmovdqu32 zmm, [m].</summary>
    public void LoadInts(int zmm, Mem m) => EvexMem(0x6F, Map0F, PrefixF3, zmm, 0, m, broadcast: false);

    /// <summary>vmovups zmm, [m].</summary>
    public void LoadFloats(int zmm, Mem m) => EvexMem(0x10, Map0F, NoPrefix, zmm, 0, m, broadcast: false);

    /// <summary>vmovups [m], zmm.</summary>
    public void StoreFloats(Mem m, int zmm) => EvexMem(0x11, Map0F, NoPrefix, zmm, 0, m, broadcast: false);

    /// <summary>vpbroadcastd zmm, dword [m].</summary>
    public void BroadcastInt(int zmm, Mem m) => EvexMem(0x58, Map0F38, Prefix66, zmm, 0, m, broadcast: false);

    /// <summary>vbroadcastss zmm, dword [m].</summary>
    public void BroadcastFloat(int zmm, Mem m) => EvexMem(0x18, Map0F38, Prefix66, zmm, 0, m, broadcast: false);

    /// <summary>vpmovsxwd zmm, [m]: sixteen int16 at m, sign-extended to int32.</summary>
    public void WidenShorts(int zmm, Mem m) => EvexMem(0x23, Map0F38, Prefix66, zmm, 0, m, broadcast: false);

    /// <summary>vcvtdq2ps zmm<paramref name="dst"/>, zmm<paramref name="src"/>.</summary>
    public void IntsToFloats(int dst, int src) => EvexReg(0x5B, Map0F, NoPrefix, dst, 0, src);

    /// <summary>vmulps zmm<paramref name="dst"/>, zmm<paramref name="a"/>, zmm<paramref name="b"/>.</summary>
    public void Multiply(int dst, int a, int b) => EvexReg(0x59, Map0F, NoPrefix, dst, a, b);

    /// <summary>vfmadd231ps zmm<paramref name="acc"/>, zmm<paramref name="a"/>, zmm<paramref name="b"/>: acc = a·b + acc, rounded once.</summary>
    public void FusedMultiplyAdd(int acc, int a, int b) => EvexReg(0xB8, Map0F38, Prefix66, acc, a, b);

    /// <summary>vpxord zmm, zmm, zmm: zero.</summary>
    public void Zero(int zmm) => EvexReg(0xEF, Map0F, Prefix66, zmm, zmm, zmm);

    /// <summary>prefetcht0 [m].</summary>
    public void Prefetch(Mem m)
    {
        var rex = Rex(w: false, reg: 0, m);
        if (rex != 0x40)
        {
            _code.Add(rex);
        }

        _code.Add(0x0F);
        _code.Add(0x18);
        ModRm(1, m);
    }

    /// <summary>mov r64, qword [m].</summary>
    public void Load(Gpr dst, Mem m) => Gpr64(0x8B, (int)dst, m);

    /// <summary>lea r64, [m].</summary>
    public void Lea(Gpr dst, Mem m) => Gpr64(0x8D, (int)dst, m);

    /// <summary>add r64, imm32.</summary>
    public void Add(Gpr dst, int value)
    {
        _code.Add(RexRegisters(0, (int)dst));
        _code.Add(0x81);
        _code.Add((byte)(0xC0 | ((int)dst & 7)));
        Int32(value);
    }

    /// <summary>add r64, r64.</summary>
    public void Add(Gpr dst, Gpr src)
    {
        _code.Add(RexRegisters((int)src, (int)dst));
        _code.Add(0x01);
        _code.Add((byte)(0xC0 | (((int)src & 7) << 3) | ((int)dst & 7)));
    }

    /// <summary>dec r64.</summary>
    public void Decrement(Gpr register)
    {
        _code.Add(RexRegisters(0, (int)register));
        _code.Add(0xFF);
        _code.Add((byte)(0xC8 | ((int)register & 7)));
    }

    /// <summary>jnz to <paramref name="target"/> (a <see cref="Position"/> already emitted), rel32.</summary>
    public void JumpIfNotZero(int target)
    {
        _code.Add(0x0F);
        _code.Add(0x85);
        Int32(target - (Position + 4));
    }

    public void Push(Gpr register)
    {
        if (register >= Gpr.R8)
        {
            _code.Add(0x41);
        }

        _code.Add((byte)(0x50 | ((int)register & 7)));
    }

    public void Pop(Gpr register)
    {
        if (register >= Gpr.R8)
        {
            _code.Add(0x41);
        }

        _code.Add((byte)(0x58 | ((int)register & 7)));
    }

    /// <summary>vzeroupper: leave no dirty upper halves behind for SSE code (the caller's or the runtime's).</summary>
    public void ZeroUpper()
    {
        _code.Add(0xC5);
        _code.Add(0xF8);
        _code.Add(0x77);
    }

    public void Return() => _code.Add(0xC3);

    /// <summary>
    /// EVEX with a register r/m operand. P0 = R̄ X̄ B̄ R̄′ 0 0 m m (the r/m register's bit 4 goes in X̄), P1 = W v̄v̄v̄v̄ 1 p p,
    /// P2 = z L′L b V̄′ a a a with L′L = 10 (512 bits), no mask, no broadcast.
    /// </summary>
    private void EvexReg(byte opcode, int map, int prefix, int reg, int vvvv, int rm)
    {
        _code.Add(0x62);
        _code.Add((byte)(Inverted(reg, 8, 0x80) | Inverted(rm, 16, 0x40) | Inverted(rm, 8, 0x20) | Inverted(reg, 16, 0x10) | map));
        _code.Add(P1(vvvv, prefix));
        _code.Add(P2(vvvv, broadcast: false));
        _code.Add(opcode);
        _code.Add((byte)(0xC0 | ((reg & 7) << 3) | (rm & 7)));
    }

    /// <summary>EVEX with a memory r/m operand: X̄ and B̄ extend the index and base registers.</summary>
    private void EvexMem(byte opcode, int map, int prefix, int reg, int vvvv, Mem m, bool broadcast)
    {
        _code.Add(0x62);
        var index = m.Index is { } i ? (int)i : 0;
        _code.Add((byte)(Inverted(reg, 8, 0x80) | Inverted(index, 8, 0x40) | Inverted((int)m.Base, 8, 0x20) | Inverted(reg, 16, 0x10) | map));
        _code.Add(P1(vvvv, prefix));
        _code.Add(P2(vvvv, broadcast));
        _code.Add(opcode);
        ModRm(reg, m);
    }

    private static byte P1(int vvvv, int prefix) => (byte)(((~vvvv & 15) << 3) | 0x04 | prefix);

    private static byte P2(int vvvv, bool broadcast) => (byte)(0x40 | (broadcast ? 0x10 : 0) | Inverted(vvvv, 16, 0x08));

    /// <summary><paramref name="set"/> when <paramref name="bit"/> of <paramref name="register"/> is clear (EVEX stores register bits inverted).</summary>
    private static int Inverted(int register, int bit, int set) => (register & bit) == 0 ? set : 0;

    private void Gpr64(byte opcode, int reg, Mem m)
    {
        _code.Add(Rex(w: true, reg, m));
        _code.Add(opcode);
        ModRm(reg, m);
    }

    private static byte Rex(bool w, int reg, Mem m) =>
        (byte)(0x40 | (w ? 8 : 0) | ((reg & 8) >> 1) | (m.Index is { } i ? ((int)i & 8) >> 2 : 0) | (((int)m.Base & 8) >> 3));

    private static byte RexRegisters(int reg, int rm) => (byte)(0x48 | ((reg & 8) >> 1) | ((rm & 8) >> 3));

    /// <summary>ModRM (mod 10: disp32), a SIB byte when there is an index or the base is rsp/r12, then disp32.</summary>
    private void ModRm(int reg, Mem m)
    {
        var needsSib = m.Index is not null || ((int)m.Base & 7) == 4;
        _code.Add((byte)(0x80 | ((reg & 7) << 3) | (needsSib ? 4 : (int)m.Base & 7)));
        if (needsSib)
        {
            var scale = m.Scale switch
            {
                1 => 0,
                2 => 1,
                4 => 2,
                8 => 3,
                _ => throw new ArgumentException($"An index scale is 1, 2, 4 or 8; got {m.Scale}.", nameof(m)),
            };
            var index = m.Index is { } i ? (int)i & 7 : 4; // 100: no index
            if (m.Index == Gpr.Rsp)
            {
                throw new ArgumentException("rsp cannot be an index register.", nameof(m));
            }

            _code.Add((byte)((scale << 6) | (index << 3) | ((int)m.Base & 7)));
        }

        Int32(m.Disp);
    }

    private void Int32(int value)
    {
        _code.Add((byte)value);
        _code.Add((byte)(value >> 8));
        _code.Add((byte)(value >> 16));
        _code.Add((byte)(value >> 24));
    }
}
