namespace Sn19.Inference.Kernels;

using System.Runtime.InteropServices;

/// <summary>
/// Splits the units [0, total) of a job into one contiguous range per worker. A worker claims units from
/// the front of its own range, so what it reads is one long forward stream (decode's weights: the hardware
/// prefetchers and the kernel's own prefetching run on across claims); once its range is empty it takes
/// units from the back of the others', so a worker that is slow, descheduled or never joins costs the job
/// at most the unit it is inside. Each range is one 64-bit word (front in the low half, back in the high
/// half) changed by compare-and-swap, on a cache line of its own.
/// </summary>
internal sealed class StealingRanges(int workers)
{
    private readonly Range[] _ranges = new Range[workers];

    /// <summary>Starts a job of <paramref name="total"/> units (call before the workers run).</summary>
    public void Reset(int total)
    {
        var workers = _ranges.Length;
        for (var i = 0; i < workers; i++)
        {
            var front = (int)((long)total * i / workers);
            var back = (int)((long)total * (i + 1) / workers);
            Volatile.Write(ref _ranges[i].Bounds, Pack(front, back));
        }
    }

    /// <summary>
    /// The next run of units for <paramref name="worker"/>: half of what is left of its own range (at least
    /// one unit, at most <paramref name="maxUnits"/>), so a range goes in a few claims and leaves the rest
    /// for a thief; else one unit from the back of another's range. False when no unit is left.
    /// </summary>
    public bool TryClaim(int worker, int maxUnits, out int first, out int count)
    {
        if (TryTake(worker, maxUnits, out first, out count))
        {
            return true;
        }

        for (var step = 1; step < _ranges.Length; step++)
        {
            if (TryTake((worker + step) % _ranges.Length, 0, out first, out count))
            {
                return true;
            }
        }

        return false;
    }

    private static long Pack(int front, int back) => (uint)front | ((long)back << 32);

    /// <summary>From the front (<paramref name="maxUnits"/> &gt; 0: the owner) or one unit from the back (0: a thief).</summary>
    private bool TryTake(int range, int maxUnits, out int first, out int count)
    {
        ref var bounds = ref _ranges[range].Bounds;
        while (true)
        {
            var seen = Volatile.Read(ref bounds);
            var front = (int)(uint)seen;
            var back = (int)(seen >> 32);
            if (front >= back)
            {
                first = count = 0;
                return false;
            }

            // A claim is a locked instruction, a full fence that waits for the stream's loads in flight:
            // few and large claims from the owner, single units only at the end of a job.
            count = maxUnits > 0 ? Math.Clamp((back - front + 1) / 2, 1, maxUnits) : 1;
            first = maxUnits > 0 ? front : back - 1;
            var next = maxUnits > 0 ? Pack(front + count, back) : Pack(front, back - 1);
            if (Interlocked.CompareExchange(ref bounds, next, seen) == seen)
            {
                return true;
            }
        }
    }

    /// <summary>One worker's range, padded to two cache lines so neighbours' claims do not contend.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct Range
    {
        [FieldOffset(0)]
        public long Bounds;
    }
}
