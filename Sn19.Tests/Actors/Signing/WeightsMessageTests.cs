namespace Sn19.Tests.Actors.Signing;

using System.Text;
using Sn19.Actors.Signing;

public sealed class WeightsMessageTests
{
    [Fact]
    public void EncodeCall_ReferenceVector_MatchesSubtensorScale()
    {
        // chain-and-yuma.md §2.3: netuid 1, dests [3,4,5], weights [65535,32768,16384], version_key 0.
        var call = WeightsMessage.EncodeCall(new WeightsToSign(1, [3, 4, 5], [65535, 32768, 16384], 0));
        Assert.Equal("070001000c0300040005000cffff008000400000000000000000", Convert.ToHexStringLower(call));
    }

    [Fact]
    public void EncodeCall_SixtyFourEntries_UsesTwoByteCompactLength()
    {
        var uids = Enumerable.Range(0, 64).Select(i => (ushort)i).ToArray();
        var call = WeightsMessage.EncodeCall(new WeightsToSign(19, uids, uids, 1_002_003));
        // compact(64) = (64 << 2) | 1 = 0x0101, little-endian.
        Assert.Equal("0700" + "1300" + "0101", Convert.ToHexStringLower(call.AsSpan(0, 6)));
        Assert.Equal(2 + 2 + (2 * (2 + 128)) + 8, call.Length);
        Assert.Equal(1_002_003UL, BitConverter.ToUInt64(call.AsSpan(call.Length - 8)));
    }

    [Fact]
    public void TryEncode_PrefixesDomainTag()
    {
        var weights = new WeightsToSign(1, [3, 4, 5], [65535, 32768, 16384], 0, LastUpdate: 0x0102);
        var message = WeightsMessage.TryEncode(weights, out var problem);
        Assert.NotNull(message);
        Assert.Empty(problem);
        Assert.StartsWith("sn19/set_weights/v2:", Encoding.ASCII.GetString(message, 0, 20), StringComparison.Ordinal);
        Assert.Equal(WeightsMessage.EncodeCall(weights), message[20..^8]);
        Assert.Equal(new byte[] { 2, 1, 0, 0, 0, 0, 0, 0 }, message[^8..]);
    }

    [Fact]
    public void TryEncode_LengthsDiffer_Refused()
    {
        Assert.Null(WeightsMessage.TryEncode(new WeightsToSign(1, [1, 2], [5], 0), out var problem));
        Assert.Contains("2 uids but 1 values", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryEncode_DuplicateUid_Refused()
    {
        Assert.Null(WeightsMessage.TryEncode(new WeightsToSign(1, [7, 7], [1, 2], 0), out var problem));
        Assert.Contains("uid 7", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryEncode_TooManyEntries_Refused()
    {
        var many = Enumerable.Range(0, WeightsMessage.MaxEntries + 1).Select(i => (ushort)i).ToArray();
        Assert.Null(WeightsMessage.TryEncode(new WeightsToSign(1, many, many, 0), out _));
    }
}
