namespace Sn19.Benchmarks.Inference.Kernels;

using BenchmarkDotNet.Attributes;
using Sn19.Inference.Kernels;

/// <summary>
/// The prefill tiles alone, on one core, with everything in cache: 64 tokens × 768 weight rows × 768 columns
/// (a 110m projection), 37.7 M multiply-adds per operation. This is the compute ceiling of batched prefill and
/// scoring; the MAC/s column divides the multiply-adds by the mean time. F32 is the 4 × 4 512-bit FMA tile,
/// Q8Vnni256 the row-major 256-bit AVX-VNNI tile (the fallback without AVX-512), Q8Wide512 the AVX-512BW
/// row-group tile (4 tokens × 32 rows; vpmaddubsw and a sign select), Q8WideVnni256 the row-group tile on
/// 256-bit vpdpbusd intrinsics, Q8Vnni512 the same tile on emitted 512-bit vpdpbusd, which the engine takes
/// where it can (<see cref="Q8Vnni512Tile"/>). <see cref="DecodeRows"/> is the decode kernel of each (one
/// token; 4 rows a call, 32 for the row-group kernels; the two vpdpbusd tiles share one) on the same matrix in
/// cache: its compute ceiling, which shows decode is bound by memory rather than by the kernel.
/// </summary>
[Config(typeof(TileKernelBenchmarkConfig))]
public unsafe class TileKernelBenchmarks
{
    public const long MultiplyAdds = (long)Tokens * Rows * Cols;
    public const long DecodeMultiplyAdds = (long)Rows * Cols;
    private const int Tokens = 64;
    private const int Rows = 768;
    private const int Cols = 768;
    private NativeArena _arena = null!;
    private WeightMatrix _f32 = null!;
    private WeightMatrix _q8 = null!;
    private WeightMatrix? _q8Groups;
    private Q8Activations _q = null!;
    private float* _x;
    private float* _y;

    [Params("F32", "Q8Vnni256", "Q8Wide512", "Q8WideVnni256", "Q8Vnni512")]
    public string Kernel { get; set; } = "F32";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        var weights = Enumerable.Range(0, Rows * Cols).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        _arena = new NativeArena();
        _f32 = WeightFactory.FromFloats(_arena, Rows, Cols, weights, WeightType.F32);
        _q8 = WeightFactory.FromFloats(_arena, Rows, Cols, weights, WeightType.Q8_0, layout: Q8Layout.RowMajor);
        if ((Kernel == "Q8Wide512" && !Q8Wide.IsSupported) || (Kernel == "Q8WideVnni256" && !Q8WideVnni.IsSupported) || (Kernel == "Q8Vnni512" && !Q8Vnni512Tile.IsSupported) || (Kernel == "Q8Vnni256" && !TileKernels.HasQ8Tile) || (Kernel == "F32" && !TileKernels.HasF32Tile(Cols)))
        {
            throw new PlatformNotSupportedException($"This CPU cannot run the {Kernel} tile.");
        }

        _q8Groups = Kernel switch
        {
            "Q8Wide512" => WeightFactory.FromFloats(_arena, Rows, Cols, weights, WeightType.Q8_0, Q8Layout.RowGroups),
            "Q8WideVnni256" or "Q8Vnni512" => WeightFactory.FromFloats(_arena, Rows, Cols, weights, WeightType.Q8_0, Q8Layout.OffsetRowGroups),
            _ => null,
        };
        _x = _arena.Allocate<float>((long)Tokens * Cols);
        _y = _arena.Allocate<float>((long)Tokens * Rows);
        for (var i = 0; i < Tokens * Cols; i++)
        {
            _x[i] = (float)(random.NextDouble() - 0.5);
        }

        _q = new Q8Activations(_arena, Tokens, Cols, Kernel == "Q8Wide512" ? Q8Layout.RowGroups : null);
        _q.Quantize(_x, Tokens, Cols);
    }

    [GlobalCleanup]
    public void Cleanup() => _arena.Dispose();

    /// <summary>Rows in 64-row blocks, tokens in tiles of 4, as <see cref="LinearWork"/> orders a batched product.</summary>
    [Benchmark]
    public void Tiles()
    {
        const int blocks = Cols / Q8.BlockSize;
        for (var block = 0; block < Rows; block += 64)
        {
            for (var t = 0; t < Tokens; t += TileKernels.Tile)
            {
                var step = _q8Groups is null ? TileKernels.Tile : Q8RowGroups.Rows;
                for (var r = block; r < block + 64; r += step)
                {
                    var y = _y + ((long)t * Rows) + r;
                    switch (Kernel)
                    {
                        case "F32":
                            TileKernels.F32(_x + ((long)t * Cols), _f32.F32 + ((long)r * Cols), Cols, y, Rows);
                            break;
                        case "Q8Vnni256":
                            TileKernels.Q8(_q.Quants(t), _q.Scales(t), _q8.Quants + ((long)r * Cols), _q8.Scales + ((long)r * blocks), Cols, y, Rows);
                            break;
                        case "Q8WideVnni256":
                            Q8WideVnni.Tile(_q.Quants(t), Cols, _q.Offsets(t), _q.Scales(t), blocks, _q8Groups!.QuantsAt(r), _q8Groups.StepsAt(r), _q8Groups.RowUnits + r, Cols, y, Rows, fromMemory: t == 0);
                            break;
                        default:
                            Q8Products.Tile(_q, t, _q8Groups!, r, y, Rows, step, fromMemory: t == 0);
                            break;
                    }
                }
            }
        }
    }

    [Benchmark]
    public void DecodeRows()
    {
        const int blocks = Cols / Q8.BlockSize;
        var step = _q8Groups is null ? TileKernels.Tile : Q8RowGroups.Rows;
        for (var r = 0; r < Rows; r += step)
        {
            switch (Kernel)
            {
                case "F32":
                    TileKernels.F32Rows(_x, _f32.F32 + ((long)r * Cols), Cols, _y + r);
                    break;
                case "Q8Vnni256":
                    TileKernels.Q8Rows(_q.Quants(0), _q.Scales(0), _q8.Quants + ((long)r * Cols), _q8.Scales + ((long)r * blocks), Cols, _y + r);
                    break;
                default:
                    Q8Products.Rows(_q, 0, _q8Groups!, r, _y + r, step);
                    break;
            }
        }
    }
}
