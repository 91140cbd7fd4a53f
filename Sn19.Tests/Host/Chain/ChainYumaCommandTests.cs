namespace Sn19.Tests.Host.Chain;

using System.Text.Json;

/// <summary>`sn19 chain yuma` as a real process on the example files shipped in examples/yuma/.</summary>
public sealed class ChainYumaCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static async Task<JsonElement> RunExampleAsync(string file)
    {
        var path = Path.Combine(Sn19Process.RepositoryRoot, "examples", "yuma", file);
        var (exit, stdout, stderr) = await Sn19Process.RunAsync(Timeout, "chain", "yuma", "--input", path);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static int[] U16(JsonElement root, string vector) =>
        root.GetProperty(vector).GetProperty("u16").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    [Fact]
    public async Task Yuma_WorkedExampleYuma3_ReproducesReferenceExactly()
    {
        var root = await RunExampleAsync("worked-example-yuma3.json");

        Assert.Equal("yuma3", root.GetProperty("algorithm").GetString());
        Assert.Equal([29724, 21585, 8280, 5944], U16(root, "incentive")[3..]);
        Assert.Equal([31576, 26478, 7479], U16(root, "dividends")[..3]);
        Assert.Equal([29126, 18724, 9362, 7281], U16(root, "consensus")[3..]);
        Assert.Equal([57213, 55132, 23925], U16(root, "validatorTrust")[..3]);
        var v0Bonds = root.GetProperty("bonds").GetProperty("u16")[0];
        Assert.Equal(2912, v0Bonds.GetProperty("3").GetInt32());
        Assert.Equal(
            [226780425UL, 164687591, 63175204, 45356777],
            root.GetProperty("serverEmissionRao").EnumerateArray().Select(e => e.GetUInt64()).ToArray()[3..]);
    }

    [Fact]
    public async Task Yuma_WorkedExampleLegacy_ReproducesReferenceExactly()
    {
        var root = await RunExampleAsync("worked-example-legacy.json");

        Assert.Equal([29724, 21585, 8280, 5944], U16(root, "incentive")[3..]);
        Assert.Equal([31139, 26256, 8138], U16(root, "dividends")[..3]);
        Assert.Equal(
            [237580708UL, 200323821, 62095469],
            root.GetProperty("validatorEmissionRao").EnumerateArray().Select(e => e.GetUInt64()).ToArray()[..3]);
    }

    [Fact]
    public async Task Yuma_SubtensorTestBonds_ReproducesChainTestBitForBit()
    {
        var root = await RunExampleAsync("subtensor-test-bonds.json");

        Assert.Equal(
            [49999998UL, 99999999, 150000000, 200000001, 49998779, 100000610, 149996337, 200004272],
            root.GetProperty("emissionTotalRao").EnumerateArray().Select(e => e.GetUInt64()).ToArray());
    }

    [Fact]
    public async Task Yuma_UnknownField_ExitCode2WithMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sn19-yuma-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "neurons": [ { "uid": 0, "stake": 5 } ] }""");
        try
        {
            var (exit, _, stderr) = await Sn19Process.RunAsync(Timeout, "chain", "yuma", "--input", path);
            Assert.Equal(2, exit);
            Assert.Contains("stake", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
