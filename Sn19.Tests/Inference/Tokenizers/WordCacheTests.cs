namespace Sn19.Tests.Inference.Tokenizers;

using Sn19.Inference.Tokenizers;

public sealed class WordCacheTests
{
    [Fact]
    public void Add_BeyondCapacityOrMaxLength_IsNotStored()
    {
        var cache = new WordCache(capacity: 2, maxWordLength: 5);

        cache.Add("hello", [1, 2]);
        cache.Add("toolong", [3]);
        cache.Add("a", [4]);
        cache.Add("b", [5]);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("hello".AsSpan(), out var ids));
        Assert.Equal([1, 2], ids);
        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("toolong", out _));
        Assert.False(cache.TryGet("b", out _));
    }
}
