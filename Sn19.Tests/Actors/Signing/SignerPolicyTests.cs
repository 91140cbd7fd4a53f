namespace Sn19.Tests.Actors.Signing;

using Sn19.Actors.Signing;

public sealed class SignerPolicyTests
{
    private const string Token = "correct-horse-battery-staple";

    private static SignerPolicy Policy() => new(
    [
        new SignerGrant
        {
            Name = "validator",
            TokenSha256 = SignerTokens.Hash(Token),
            Hotkeys = ["v/default"],
            Kinds = [SignKinds.RequestEnvelope, SignKinds.Weights],
        },
        new SignerGrant
        {
            Name = "miner",
            TokenSha256 = SignerTokens.Hash("miner-token"),
            Hotkeys = ["m/default"],
            Kinds = [SignKinds.RequestEnvelope],
        },
    ]);

    [Fact]
    public void Decide_GrantedClientKindAndHotkey_Allowed() =>
        Assert.True(Policy().Decide("validator", Token, SignKinds.Weights, "v/default").Allowed);

    [Theory]
    [InlineData("validator", "wrong", SignKinds.Weights, "v/default", SignRefusal.Unauthenticated, "wrong token")]
    [InlineData("nobody", Token, SignKinds.Weights, "v/default", SignRefusal.Unauthenticated, "unknown client")]
    [InlineData(null, null, SignKinds.Weights, "v/default", SignRefusal.Unauthenticated, "unknown client")]
    [InlineData("validator", Token, "raw-bytes", "v/default", SignRefusal.UnknownKind, "unknown kind")]
    [InlineData("validator", Token, SignKinds.Weights, "m/default", SignRefusal.NotPermitted, "hotkey not granted to this client")]
    [InlineData("miner", "miner-token", SignKinds.Weights, "m/default", SignRefusal.NotPermitted, "kind not granted to this client")]
    public void Decide_Refusals(string? client, string? token, string kind, string hotkey, SignRefusal refusal, string reason)
    {
        var decision = Policy().Decide(client, token, kind, hotkey);
        Assert.Equal(refusal, decision.Refusal);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void Decide_AddressKind_AllowedForAnyGrantedHotkey() =>
        Assert.True(Policy().Decide("miner", "miner-token", SignKinds.Address, "m/default").Allowed);

    [Fact]
    public void Hotkeys_UnionOfGrants() => Assert.Equal(["m/default", "v/default"], Policy().Hotkeys.Order());

    [Fact]
    public void Create_UnknownKindInGrant_Throws() =>
        Assert.Throws<ArgumentException>(() => new SignerPolicy(
            [new SignerGrant { Name = "x", TokenSha256 = SignerTokens.Hash("t"), Kinds = ["anything"] }]));

    [Fact]
    public void Create_BadHash_Throws() =>
        Assert.Throws<ArgumentException>(() => new SignerPolicy([new SignerGrant { Name = "x", TokenSha256 = "abc" }]));

    [Fact]
    public void Create_DuplicateClient_Throws()
    {
        var grant = new SignerGrant { Name = "x", TokenSha256 = SignerTokens.Hash("t") };
        Assert.Throws<ArgumentException>(() => new SignerPolicy([grant, grant]));
    }

    [Fact]
    public void NewToken_IsRandom43CharBase64Url()
    {
        var a = SignerTokens.NewToken();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", a);
        Assert.NotEqual(a, SignerTokens.NewToken());
    }

    [Fact]
    public void TokensFile_RoundTrips()
    {
        var file = new SignerTokensFile
        {
            Clients = [new SignerGrant { Name = "v", TokenSha256 = SignerTokens.Hash("t"), Hotkeys = ["a/b"], Kinds = [SignKinds.Weights] }],
        };
        var parsed = SignerTokensFile.Parse(file.ToJson());
        Assert.Equal("v", parsed.Clients.Single().Name);
        Assert.Equal(["a/b"], parsed.Clients.Single().Hotkeys);
        Assert.Equal([SignKinds.Weights], parsed.Clients.Single().Kinds);
    }
}
