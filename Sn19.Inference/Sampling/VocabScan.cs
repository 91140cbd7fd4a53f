namespace Sn19.Inference.Sampling;

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

/// <summary>
/// Whole-vocabulary scans for <see cref="TokenDistribution"/>, eight lanes at a time. A distribution is
/// built for every generated token and every scored position, so a 32,000-entry row must cost a few
/// microseconds: the scans skip a chunk of eight with one compare when no lane can matter.
/// </summary>
internal static class VocabScan
{
    private const int Lanes = 8;

    /// <summary>How many values are strictly greater than <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int CountGreater(ReadOnlySpan<float> values, float value)
    {
        var count = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var threshold = Vector256.Create(value);
            ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
            for (; i + Lanes <= values.Length; i += Lanes)
            {
                var greater = Vector256.GreaterThan(Vector256.LoadUnsafe(ref start, (nuint)i), threshold);
                count += BitOperations.PopCount(greater.ExtractMostSignificantBits());
            }
        }

        for (; i < values.Length; i++)
        {
            count += values[i] > value ? 1 : 0;
        }

        return count;
    }

    /// <summary>The index of the first value equal to <paramref name="value"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FirstIndexOf(ReadOnlySpan<float> values, float value)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var target = Vector256.Create(value);
            ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
            for (; i + Lanes <= values.Length; i += Lanes)
            {
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), target).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; i < values.Length; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The k-th largest value counting repeats (what a top-k cut keeps everything at or above), from one
    /// pass with a k-entry min-heap in <paramref name="heap"/>; a chunk with no lane above the heap's
    /// root is skipped whole, which after the first few hundred entries is almost every chunk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float KthLargest(ReadOnlySpan<float> values, int k, Span<float> heap)
    {
        heap = heap[..k];
        values[..k].CopyTo(heap);
        for (var i = (k / 2) - 1; i >= 0; i--)
        {
            SiftDown(heap, i);
        }

        var at = k;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
            for (; at + Lanes <= values.Length; at += Lanes)
            {
                var mask = Vector256.GreaterThan(Vector256.LoadUnsafe(ref start, (nuint)at), Vector256.Create(heap[0])).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var value = values[at + BitOperations.TrailingZeroCount(mask)];
                    mask &= mask - 1;
                    if (value > heap[0])
                    {
                        heap[0] = value;
                        SiftDown(heap, 0);
                    }
                }
            }
        }

        for (; at < values.Length; at++)
        {
            if (values[at] > heap[0])
            {
                heap[0] = values[at];
                SiftDown(heap, 0);
            }
        }

        return heap[0];
    }

    /// <summary>
    /// Fills <paramref name="best"/> (shorter than <paramref name="values"/>) with the indices of the largest
    /// values, largest first, the lower index first on ties. Indices arrive in ascending order, so a later
    /// equal value never displaces an earlier one and only lanes strictly above the current last place need a look.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TopIndices(ReadOnlySpan<float> values, Span<int> best)
    {
        var count = best.Length;
        for (var i = 0; i < count; i++)
        {
            Insert(values, best, i, i);
        }

        var at = count;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
            for (; at + Lanes <= values.Length; at += Lanes)
            {
                var mask = Vector256.GreaterThan(Vector256.LoadUnsafe(ref start, (nuint)at), Vector256.Create(values[best[count - 1]])).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var index = at + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    if (values[index] > values[best[count - 1]])
                    {
                        Insert(values, best, count - 1, index);
                    }
                }
            }
        }

        for (; at < values.Length; at++)
        {
            if (values[at] > values[best[count - 1]])
            {
                Insert(values, best, count - 1, at);
            }
        }
    }

    /// <summary>Puts <paramref name="index"/> at slot <paramref name="slot"/> and moves it up past every smaller value.</summary>
    private static void Insert(ReadOnlySpan<float> values, Span<int> best, int slot, int index)
    {
        var value = values[index];
        while (slot > 0 && value > values[best[slot - 1]])
        {
            best[slot] = best[slot - 1];
            slot--;
        }

        best[slot] = index;
    }

    /// <summary>Writes, in ascending order, the indices of values ≥ <paramref name="threshold"/>; returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IndicesAtLeast(ReadOnlySpan<float> values, float threshold, Span<int> indices)
    {
        var count = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var limit = Vector256.Create(threshold);
            ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
            for (; i + Lanes <= values.Length; i += Lanes)
            {
                var mask = Vector256.GreaterThanOrEqual(Vector256.LoadUnsafe(ref start, (nuint)i), limit).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    indices[count++] = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                }
            }
        }

        for (; i < values.Length; i++)
        {
            if (values[i] >= threshold)
            {
                indices[count++] = i;
            }
        }

        return count;
    }

    /// <summary>Σ values with the running sums in double (a float running sum over 32,000 terms can drift by ~1e-3 relative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumAsDouble(ReadOnlySpan<float> values)
    {
        var i = 0;
        var total = 0.0;
        if (Vector256.IsHardwareAccelerated)
        {
            var low = Vector256<double>.Zero;
            var high = Vector256<double>.Zero;
            ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
            for (; i + Lanes <= values.Length; i += Lanes)
            {
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref start, (nuint)i));
                low += lower;
                high += upper;
            }

            total = Vector256.Sum(low + high);
        }

        for (; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }

    private static void SiftDown(Span<float> heap, int i)
    {
        while (true)
        {
            var smallest = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < heap.Length && heap[left] < heap[smallest])
            {
                smallest = left;
            }

            if (right < heap.Length && heap[right] < heap[smallest])
            {
                smallest = right;
            }

            if (smallest == i)
            {
                return;
            }

            (heap[i], heap[smallest]) = (heap[smallest], heap[i]);
            i = smallest;
        }
    }
}
