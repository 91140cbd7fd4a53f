namespace Sn19.Tests.Inference.Sampling;

using Sn19.Inference.Sampling;

/// <summary>The vectorised scans against plain LINQ, on lengths with and without a tail and with repeated values.</summary>
public sealed class VocabScanTests
{
    public static TheoryData<int, int> Shapes => new() { { 5, 1 }, { 37, 3 }, { 1000, 10 }, { 32003, 20 } };

    private static float[] Values(int length, int seed)
    {
        var random = new Random(seed);

        // Values on a coarse grid, so ties are common.
        return Enumerable.Range(0, length).Select(_ => random.Next(-200, 200) / 8f).ToArray();
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void CountGreater_MatchesLinq(int length, int seed)
    {
        var values = Values(length, seed);
        foreach (var probe in values.Take(20))
        {
            Assert.Equal(values.Count(v => v > probe), VocabScan.CountGreater(values, probe));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void KthLargest_IsTheKthOfTheDescendingSortWithRepeats(int length, int k)
    {
        var values = Values(length, k);
        var expected = values.OrderByDescending(v => v).ElementAt(k - 1);
        Assert.Equal(expected, VocabScan.KthLargest(values, k, new float[k]));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void IndicesAtLeast_ListsEveryIndexInAscendingOrder(int length, int seed)
    {
        var values = Values(length, seed);
        var threshold = values[length / 2];
        var indices = new int[length];
        var count = VocabScan.IndicesAtLeast(values, threshold, indices);
        Assert.Equal(Enumerable.Range(0, length).Where(i => values[i] >= threshold), indices.Take(count));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TopIndices_LargestFirstLowerIndexOnTies(int length, int count)
    {
        var values = Values(length, count + 1);
        var best = new int[count];
        VocabScan.TopIndices(values, best);
        var expected = Enumerable.Range(0, length).OrderByDescending(i => values[i]).ThenBy(i => i).Take(count);
        Assert.Equal(expected, best);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FirstIndexOf_FindsTheFirstEqualValue(int length, int seed)
    {
        var values = Values(length, seed);
        var max = values.Max();
        Assert.Equal(Array.IndexOf(values, max), VocabScan.FirstIndexOf(values, max));
        Assert.Equal(-1, VocabScan.FirstIndexOf(values, 1000f));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SumAsDouble_MatchesADoubleSum(int length, int seed)
    {
        var values = Values(length, seed).Select(v => MathF.Exp(v / 8f)).ToArray();
        var expected = values.Sum(v => (double)v);
        Assert.Equal(expected, VocabScan.SumAsDouble(values), 1e-9 * Math.Abs(expected));
    }
}
