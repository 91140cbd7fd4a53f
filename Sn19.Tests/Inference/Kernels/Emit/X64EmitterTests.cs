namespace Sn19.Tests.Inference.Kernels.Emit;

using Sn19.Inference.Kernels.Emit;

/// <summary>
/// Known-answer encodings, one per instruction form the emitted kernels use, with registers that exercise
/// every extension bit (zmm16–31, r8–r15, an r12 base or index, which needs a SIB byte). The bytes follow
/// the Intel SDM's EVEX, REX and ModRM rules and were checked with GNU objdump's disassembly.
/// </summary>
public sealed class X64EmitterTests
{
    public static TheoryData<string, string> Forms => new()
    {
        { "vpdpbusd zmm0, zmm24, dword bcst [rsi]", "62 f2 3d 50 50 86 00 00 00 00" },
        { "vpdpbusd zmm7, zmm25, dword bcst [rsi+rcx+0xc]", "62 f2 35 50 50 bc 0e 0c 00 00 00" },
        { "vmovdqu32 zmm24, [r10]", "62 41 7e 48 6f 82 00 00 00 00" },
        { "vpbroadcastd zmm6, [r8+r12]", "62 92 7d 48 58 b4 20 00 00 00 00" },
        { "vbroadcastss zmm28, [r13+r9*2]", "62 02 7d 48 18 a4 4d 00 00 00 00" },
        { "vpmovsxwd zmm27, [r11+0x20]", "62 42 7d 48 23 9b 20 00 00 00" },
        { "vcvtdq2ps zmm30, zmm7", "62 61 7c 48 5b f7" },
        { "vmulps zmm29, zmm26, zmm28", "62 01 2c 40 59 ec" },
        { "vfmadd231ps zmm23, zmm30, zmm29", "62 82 0d 40 b8 fd" },
        { "vpxord zmm16, zmm16, zmm16", "62 a1 7d 40 ef c0" },
        { "vmovups [r11+0x40], zmm17", "62 c1 7c 48 11 8b 40 00 00 00" },
        { "vmovups zmm27, [r10+0x40]", "62 41 7c 48 10 9a 40 00 00 00" },
        { "prefetcht0 [r10+0x1000]", "41 0f 18 8a 00 10 00 00" },
        { "mov r13, [rdi+0x18]", "4c 8b af 18 00 00 00" },
        { "mov rax, [r12+8]", "49 8b 84 24 08 00 00 00" },
        { "lea r12, [r9+r9*2]", "4f 8d a4 49 00 00 00 00" },
        { "add r10, 0x400", "49 81 c2 00 04 00 00" },
        { "add r11, rdx", "49 01 d3" },
        { "dec rax", "48 ff c8" },
        { "push r12; pop rbx", "41 54 5b" },
        { "vzeroupper; ret", "c5 f8 77 c3" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Encodes(string instruction, string bytes)
    {
        var e = new X64Emitter();
        Emit(e, instruction);
        Assert.Equal(bytes, string.Join(' ', e.ToArray().Select(b => b.ToString("x2"))));
    }

    [Fact]
    public void JumpIfNotZero_CountsBackFromTheEndOfTheJump()
    {
        var e = new X64Emitter();
        var target = e.Position;
        e.Decrement(Gpr.Rax);
        e.JumpIfNotZero(target);
        // 3 bytes of dec, then 6 of jnz: back 9 bytes, −9 = 0xfffffff7.
        Assert.Equal("48 ff c8 0f 85 f7 ff ff ff", string.Join(' ', e.ToArray().Select(b => b.ToString("x2"))));
    }

    [Fact]
    public void IndexScaleOfThree_IsRefused()
    {
        var e = new X64Emitter();
        var error = Assert.Throws<ArgumentException>(() => e.Lea(Gpr.Rax, new Mem(Gpr.Rdx, Index: Gpr.Rdx, Scale: 3)));
        Assert.Contains("1, 2, 4 or 8", error.Message);
    }

    private static void Emit(X64Emitter e, string instruction)
    {
        switch (instruction)
        {
            case "vpdpbusd zmm0, zmm24, dword bcst [rsi]": e.VpdpbusdBroadcast(0, 24, new Mem(Gpr.Rsi)); break;
            case "vpdpbusd zmm7, zmm25, dword bcst [rsi+rcx+0xc]": e.VpdpbusdBroadcast(7, 25, new Mem(Gpr.Rsi, 12, Gpr.Rcx)); break;
            case "vmovdqu32 zmm24, [r10]": e.LoadInts(24, new Mem(Gpr.R10)); break;
            case "vpbroadcastd zmm6, [r8+r12]": e.BroadcastInt(6, new Mem(Gpr.R8, Index: Gpr.R12)); break;
            case "vbroadcastss zmm28, [r13+r9*2]": e.BroadcastFloat(28, new Mem(Gpr.R13, Index: Gpr.R9, Scale: 2)); break;
            case "vpmovsxwd zmm27, [r11+0x20]": e.WidenShorts(27, new Mem(Gpr.R11, 0x20)); break;
            case "vcvtdq2ps zmm30, zmm7": e.IntsToFloats(30, 7); break;
            case "vmulps zmm29, zmm26, zmm28": e.Multiply(29, 26, 28); break;
            case "vfmadd231ps zmm23, zmm30, zmm29": e.FusedMultiplyAdd(23, 30, 29); break;
            case "vpxord zmm16, zmm16, zmm16": e.Zero(16); break;
            case "vmovups [r11+0x40], zmm17": e.StoreFloats(new Mem(Gpr.R11, 0x40), 17); break;
            case "vmovups zmm27, [r10+0x40]": e.LoadFloats(27, new Mem(Gpr.R10, 0x40)); break;
            case "prefetcht0 [r10+0x1000]": e.Prefetch(new Mem(Gpr.R10, 0x1000)); break;
            case "mov r13, [rdi+0x18]": e.Load(Gpr.R13, new Mem(Gpr.Rdi, 0x18)); break;
            case "mov rax, [r12+8]": e.Load(Gpr.Rax, new Mem(Gpr.R12, 8)); break;
            case "lea r12, [r9+r9*2]": e.Lea(Gpr.R12, new Mem(Gpr.R9, Index: Gpr.R9, Scale: 2)); break;
            case "add r10, 0x400": e.Add(Gpr.R10, 0x400); break;
            case "add r11, rdx": e.Add(Gpr.R11, Gpr.Rdx); break;
            case "dec rax": e.Decrement(Gpr.Rax); break;
            case "push r12; pop rbx": e.Push(Gpr.R12); e.Pop(Gpr.Rbx); break;
            case "vzeroupper; ret": e.ZeroUpper(); e.Return(); break;
            default: throw new ArgumentOutOfRangeException(nameof(instruction), instruction, "No such form in this test.");
        }
    }
}
