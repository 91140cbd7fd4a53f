namespace Sn19.Tests.Actors.Wire;

using Sn19.Actors.Wire;

public sealed class NonceReplayCacheTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_726_000_000);
    private static readonly long StartNs = 1_726_000_000L * 1_000_000_000L;
    private static readonly long WindowNs = 120L * 1_000_000_000L;

    [Fact]
    public void TryRemember_SameNonceTwice_SecondIsReplayed()
    {
        var cache = new NonceReplayCache(new FakeWireClock(Start), 16, 4);
        Assert.Equal(ReplayVerdict.Fresh, cache.TryRemember("v1", "n1", StartNs + WindowNs));
        Assert.Equal(ReplayVerdict.Replayed, cache.TryRemember("v1", "n1", StartNs + WindowNs));
        Assert.True(cache.Contains("v1", "n1"));
    }

    [Fact]
    public void TryRemember_SameNonceOtherValidator_IsFresh()
    {
        var cache = new NonceReplayCache(new FakeWireClock(Start), 16, 4);
        Assert.Equal(ReplayVerdict.Fresh, cache.TryRemember("v1", "n1", StartNs + WindowNs));
        Assert.Equal(ReplayVerdict.Fresh, cache.TryRemember("v2", "n1", StartNs + WindowNs));
    }

    [Fact]
    public void TryRemember_FullPartition_RefusesUntilEntriesExpire()
    {
        var clock = new FakeWireClock(Start);
        var cache = new NonceReplayCache(clock, 3, 4);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ReplayVerdict.Fresh, cache.TryRemember("v1", $"n{i}", StartNs + WindowNs + i));
        }

        Assert.Equal(ReplayVerdict.Full, cache.TryRemember("v1", "n3", StartNs + WindowNs));
        Assert.Equal(ReplayVerdict.Fresh, cache.TryRemember("v2", "n3", StartNs + WindowNs));

        // The first entry expires at exactly StartNs + window; the others 1 and 2 ns later.
        clock.Advance(TimeSpan.FromSeconds(120));
        Assert.False(cache.Contains("v1", "n0"));
        Assert.True(cache.Contains("v1", "n1"));
        Assert.Equal(ReplayVerdict.Fresh, cache.TryRemember("v1", "n3", StartNs + (2 * WindowNs)));
        Assert.Equal(ReplayVerdict.Full, cache.TryRemember("v1", "n4", StartNs + (2 * WindowNs)));
    }

    [Fact]
    public void TryRemember_TooManyValidators_SweepsEmptyPartitionsFirst()
    {
        var clock = new FakeWireClock(Start);
        var cache = new NonceReplayCache(clock, 8, 2);
        Assert.Equal(ReplayVerdict.Fresh, cache.TryRemember("v1", "a", StartNs + WindowNs));
        Assert.Equal(ReplayVerdict.Fresh, cache.TryRemember("v2", "a", StartNs + (2 * WindowNs)));
        Assert.Equal(ReplayVerdict.Full, cache.TryRemember("v3", "a", StartNs + WindowNs));

        clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(ReplayVerdict.Fresh, cache.TryRemember("v3", "a", StartNs + (2 * WindowNs)));
        Assert.Equal(2, cache.PartitionCount);
        Assert.Equal(ReplayVerdict.Replayed, cache.TryRemember("v2", "a", StartNs + (2 * WindowNs)));
    }

    [Fact]
    public void TryRemember_HostileFlood_MemoryStaysWithinCaps()
    {
        var cache = new NonceReplayCache(new FakeWireClock(Start), 100, 5);
        for (var v = 0; v < 50; v++)
        {
            for (var n = 0; n < 1000; n++)
            {
                cache.TryRemember($"v{v}", $"n{n}", StartNs + WindowNs);
            }
        }

        Assert.Equal(5, cache.PartitionCount);
        Assert.Equal(500, cache.Count);
    }

    [Fact]
    public async Task TryRemember_ConcurrentTwins_ExactlyOneIsFresh()
    {
        var cache = new NonceReplayCache(new FakeWireClock(Start), 100_000, 4);
        using var barrier = new Barrier(4);
        var fresh = new int[4];
        var tasks = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            barrier.SignalAndWait();
            for (var n = 0; n < 2000; n++)
            {
                if (cache.TryRemember("v", $"n{n}", StartNs + WindowNs) == ReplayVerdict.Fresh)
                {
                    fresh[t]++;
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        Assert.Equal(2000, fresh.Sum());
    }
}
