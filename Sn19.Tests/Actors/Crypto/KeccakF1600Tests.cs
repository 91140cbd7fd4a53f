namespace Sn19.Tests.Actors.Crypto;

using System.Buffers.Binary;
using System.Security.Cryptography;
using Sn19.Actors.Crypto.Merlin;

public sealed class KeccakF1600Tests
{
    [Fact]
    public void Permute_ZeroState_GivesKnownFirstLanes()
    {
        // Keccak team's KeccakF-1600 intermediate values: the permutation of the all-zero state.
        var state = new byte[200];
        KeccakF1600.Permute(state);

        Assert.Equal(0xF1258F7940E1DDE7UL, BinaryPrimitives.ReadUInt64LittleEndian(state));
        Assert.Equal(0x84D5CCF933C0478AUL, BinaryPrimitives.ReadUInt64LittleEndian(state.AsSpan(8)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(137)]
    [InlineData(1000)]
    public void Permute_AsSha3Sponge_MatchesPlatformSha3_256(int length)
    {
        var input = new byte[length];
        new Random(length).NextBytes(input);

        Assert.Equal(SHA3_256.HashData(input), Sha3_256(input));
    }

    // FIPS 202 SHA3-256: rate 136 bytes, domain padding 0x06 … 0x80.
    private static byte[] Sha3_256(byte[] input)
    {
        const int rate = 136;
        var state = new byte[200];
        var padded = new byte[((input.Length / rate) + 1) * rate];
        input.CopyTo(padded, 0);
        padded[input.Length] ^= 0x06;
        padded[^1] ^= 0x80;
        for (var offset = 0; offset < padded.Length; offset += rate)
        {
            for (var i = 0; i < rate; i++)
            {
                state[i] ^= padded[offset + i];
            }

            KeccakF1600.Permute(state);
        }

        return state[..32];
    }
}
