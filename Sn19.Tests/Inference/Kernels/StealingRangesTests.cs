namespace Sn19.Tests.Inference.Kernels;

using Sn19.Inference.Kernels;

/// <summary>
/// Every unit of a job must be claimed exactly once, whoever claims it: by its owner from the front of a
/// contiguous range (in runs that halve what is left), or by another worker one unit at a time from the
/// back, including all of a worker's range when that worker never joins.
/// </summary>
public sealed class StealingRangesTests
{
    [Fact]
    public void Owner_ClaimsItsRangeFromTheFront_InHalvingRuns()
    {
        var ranges = new StealingRanges(2);
        ranges.Reset(20); // worker 0 owns [0, 10), worker 1 owns [10, 20)
        var runs = new List<(int First, int Count)>();
        while (ranges.TryClaim(1, int.MaxValue, out var first, out var count) && first >= 10)
        {
            runs.Add((first, count));
        }

        Assert.Equal([(10, 5), (15, 3), (18, 1), (19, 1)], runs);
    }

    [Fact]
    public void Owner_RespectsTheLargestRun()
    {
        var ranges = new StealingRanges(1);
        ranges.Reset(10);
        Assert.True(ranges.TryClaim(0, 2, out var first, out var count));
        Assert.Equal((0, 2), (first, count));
    }

    [Fact]
    public void AWorkerThatNeverJoins_HasItsRangeTakenFromTheBack()
    {
        var ranges = new StealingRanges(2);
        ranges.Reset(6);
        var claimed = new List<int>();
        while (ranges.TryClaim(0, int.MaxValue, out var first, out var count))
        {
            claimed.AddRange(Enumerable.Range(first, count));
        }

        // Its own [0, 3) in runs of 2 and 1, then worker 1's [3, 6) one unit at a time from the back.
        Assert.Equal([0, 1, 2, 5, 4, 3], claimed);
    }

    [Fact]
    public void ConcurrentWorkers_ClaimEveryUnitExactlyOnce()
    {
        const int workers = 4;
        var ranges = new StealingRanges(workers);
        for (var job = 0; job < 200; job++)
        {
            var total = 1 + (job * 37 % 300);
            ranges.Reset(total);
            var hits = new int[total];
            using var start = new Barrier(workers);
            var threads = Enumerable.Range(0, workers).Select(worker => new Thread(() =>
            {
                start.SignalAndWait();
                while (ranges.TryClaim(worker, 1 + (worker * 3), out var first, out var count))
                {
                    for (var u = first; u < first + count; u++)
                    {
                        Interlocked.Increment(ref hits[u]);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }
}
