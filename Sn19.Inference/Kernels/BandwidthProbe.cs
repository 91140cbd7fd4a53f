namespace Sn19.Inference.Kernels;

using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>
/// Measures memory read bandwidth the way decode reads weights: every worker of a pool sums its share of
/// a large array (far beyond the caches) with 512-bit (or 256-bit) loads, prefetching as far ahead as the
/// 512-bit decode kernels do (<see cref="Q8Wide.PrefetchBytes"/>; worth ~5–10% on this machine), so that
/// the denominator is the best plain read and not one decode could beat. The best of several passes is
/// the machine's read bandwidth, the denominator of the engine's bandwidth efficiency.
/// </summary>
internal sealed unsafe class BandwidthProbe : IParallelWork, IDisposable
{
    private const int Chunk = 1 << 16; // floats per claimed chunk (256 KiB)
    private readonly NativeArena _arena = new();
    private readonly WorkerPool _pool;
    private readonly float* _data;
    private readonly long _count;
    private readonly float[] _sums;
    private long _cursor;

    public BandwidthProbe(WorkerPool pool, long bytes = 512L << 20)
    {
        _pool = pool;
        _count = bytes / sizeof(float);
        _data = _arena.Allocate<float>(_count);
        for (long i = 0; i < _count; i++)
        {
            _data[i] = i & 7;
        }

        _sums = new float[pool.WorkerCount];
    }

    public long Bytes => _count * sizeof(float);

    /// <summary>Best read bandwidth over <paramref name="passes"/> passes, in bytes per second.</summary>
    public double Measure(int passes = 5)
    {
        var best = 0.0;
        for (var p = 0; p < passes; p++)
        {
            _cursor = 0;
            var start = Stopwatch.GetTimestamp();
            _pool.Run(this);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            best = Math.Max(best, Bytes / seconds);
        }

        return best;
    }

    /// <summary>The sum of the last pass (keeps the reads observable).</summary>
    public float Checksum => _sums.Sum();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(int workerIndex)
    {
        var sum = 0f;
        while (true)
        {
            var start = Interlocked.Add(ref _cursor, Chunk) - Chunk;
            if (start >= _count)
            {
                break;
            }

            var p = _data + start;
            var n = (int)Math.Min(Chunk, _count - start);
            if (Vector512.IsHardwareAccelerated)
            {
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
                for (var i = 0; i < n; i += 64)
                {
                    var ahead = (byte*)(p + i) + Q8Wide.PrefetchBytes;
                    Sse.Prefetch0(ahead); Sse.Prefetch0(ahead + 64); Sse.Prefetch0(ahead + 128); Sse.Prefetch0(ahead + 192);
                    a0 += Vector512.Load(p + i);
                    a1 += Vector512.Load(p + i + 16);
                    a2 += Vector512.Load(p + i + 32);
                    a3 += Vector512.Load(p + i + 48);
                }

                sum += Vector512.Sum(a0 + a1 + a2 + a3);
            }
            else
            {
                Vector256<float> a0 = default, a1 = default;
                for (var i = 0; i < n; i += 16)
                {
                    a0 += Vector256.Load(p + i);
                    a1 += Vector256.Load(p + i + 8);
                }

                sum += Vector256.Sum(a0 + a1);
            }
        }

        _sums[workerIndex] = sum;
    }

    public void Dispose() => _arena.Dispose();
}
