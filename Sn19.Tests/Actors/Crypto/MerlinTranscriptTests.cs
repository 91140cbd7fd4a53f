namespace Sn19.Tests.Actors.Crypto;

using Sn19.Actors.Crypto.Merlin;

public sealed class MerlinTranscriptTests
{
    [Fact]
    public void ChallengeBytes_MerlinConformanceVector_MatchesPublishedOutput()
    {
        // merlin's equivalence_simple test (zkcrypto/merlin transcript.rs), reproduced by every port.
        var t = new MerlinTranscript("test protocol"u8);
        t.AppendMessage("some label"u8, "some data"u8);
        var challenge = new byte[32];
        t.ChallengeBytes("challenge"u8, challenge);

        Assert.Equal("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615", Convert.ToHexStringLower(challenge));
    }

    [Fact]
    public void ChallengeBytes_ClonedTranscript_GivesSameChallengeAsOriginal()
    {
        var t = new MerlinTranscript("clone"u8);
        t.AppendU64("n"u8, 7);
        var copy = t.Clone();
        var a = new byte[48];
        var b = new byte[48];
        t.ChallengeBytes("c"u8, a);
        copy.ChallengeBytes("c"u8, b);

        Assert.Equal(a, b);
    }

    [Fact]
    public void ChallengeBytes_MessageLongerThanRate_DiffersWhenOneByteChanges()
    {
        var data = new byte[1000];
        var t1 = new MerlinTranscript("long"u8);
        t1.AppendMessage("m"u8, data);
        data[999] = 1;
        var t2 = new MerlinTranscript("long"u8);
        t2.AppendMessage("m"u8, data);
        var a = new byte[400];
        var b = new byte[400];
        t1.ChallengeBytes("c"u8, a);
        t2.ChallengeBytes("c"u8, b);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void TranscriptRng_SameWitnessAndRandomness_IsDeterministic()
    {
        var t = new MerlinTranscript("rng"u8);
        var a = new byte[32];
        var b = new byte[32];
        t.BuildRng().RekeyWithWitnessBytes("w"u8, [1, 2, 3]).Finalize(r => r.Fill(9)).FillBytes(a);
        t.BuildRng().RekeyWithWitnessBytes("w"u8, [1, 2, 3]).Finalize(r => r.Fill(9)).FillBytes(b);
        var c = new byte[32];
        t.BuildRng().RekeyWithWitnessBytes("w"u8, [1, 2, 3]).Finalize(r => r.Fill(8)).FillBytes(c);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
