namespace Sn19.Tests.Actors.Signing;

using System.Text;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire;
using Sn19.Tests.Actors.Wire;

public sealed class SignerCoreTests
{
    private const string Token = "validator-token";
    private const string Hotkey = "v/default";
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_726_000_000);

    private readonly FakeWireClock _clock = new(Start);
    private readonly Sr25519Keypair _key = Sr25519Keypair.Generate();
    private readonly Sr25519Keypair _miner = Sr25519Keypair.Generate();
    private readonly CapturingLogger _log = new();

    [Fact]
    public void Handle_Envelope_SignsNonceValidatorMinerAndHash()
    {
        var nonce = WireNonce.Create(_clock);
        var hash = EnvelopeMessage.HashBody("{}"u8);
        var response = Core().Handle(Envelope(nonce, _miner.Ss58Address, hash));

        Assert.True(response.Ok, response.Message);
        Assert.Equal(_key.Ss58Address, response.Address);
        Assert.True(SignatureHex.TryParse(response.Signature!, out var signature));
        var text = $"{nonce}.{_key.Ss58Address}.{_miner.Ss58Address}.{hash}";
        Assert.True(Sr25519.Verify(_key.PublicKey, Encoding.UTF8.GetBytes(text), signature));
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Information
            && l.Text.Contains("client=validator kind=request-envelope hotkey=v/default allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Handle_Weights_SignsCanonicalEncoding()
    {
        var request = new SignerRequest
        {
            Id = 9, Client = "validator", Token = Token, Hotkey = Hotkey, Kind = SignKinds.Weights,
            Netuid = 19, Uids = [0, 3], Values = [65535, 100], VersionKey = 7,
        };
        var response = Core().Handle(request);

        Assert.True(response.Ok, response.Message);
        Assert.Equal(9, response.Id);
        Assert.True(SignatureHex.TryParse(response.Signature!, out var signature));
        var message = WeightsMessage.TryEncode(new WeightsToSign(19, [0, 3], [65535, 100], 7), out _)!;
        Assert.True(Sr25519.Verify(_key.PublicKey, message, signature));
    }

    [Fact]
    public void Handle_FiberRequest_SignsNonceMinerAndKeyUuid()
    {
        var nonce = WireNonce.Create(_clock);
        var uuid = new string('a', 64);
        var response = Core().Handle(Envelope(nonce, _miner.Ss58Address, uuid) with { Kind = SignKinds.FiberRequest });

        Assert.True(response.Ok, response.Message);
        Assert.True(SignatureHex.TryParse(response.Signature!, out var signature));
        Assert.True(Sr25519.Verify(_key.PublicKey, Encoding.UTF8.GetBytes($"{nonce}:{_miner.Ss58Address}:{uuid}"), signature));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(4000)]
    public void Handle_Extrinsic_SignsThePayloadOrItsBlake2bHashWhenLongerThan256Bytes(int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();
        var response = Core().Handle(new SignerRequest
        {
            Id = 3, Client = "validator", Token = Token, Hotkey = Hotkey, Kind = SignKinds.Extrinsic, Payload = "0x" + Convert.ToHexStringLower(payload),
        });

        Assert.True(response.Ok, response.Message);
        Assert.True(SignatureHex.TryParse(response.Signature!, out var signature));
        var signed = length <= 256 ? payload : Sn19.Actors.Crypto.Sodium.Blake2b.Hash(payload, 32);
        Assert.True(Sr25519.Verify(_key.PublicKey, signed, signature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0x07")]
    [InlineData("0x0700zz")]
    [InlineData("0x070")]
    public void Handle_ExtrinsicPayloadNotHexOrTooShort_RefusedMalformed(string? payload)
    {
        var response = Core().Handle(new SignerRequest { Id = 4, Client = "validator", Token = Token, Hotkey = Hotkey, Kind = SignKinds.Extrinsic, Payload = payload });

        Assert.False(response.Ok);
        Assert.Equal("malformed", response.Error);
    }

    [Theory]
    [InlineData("1726000000000000000_abc", "nonce")]
    [InlineData("1725999879000000000_abcdefghij", "window")]
    [InlineData("1726000121000000000_abcdefghij", "window")]
    public void Handle_EnvelopeBadNonce_RefusedMalformed(string nonce, string reason)
    {
        var response = Core().Handle(Envelope(nonce, _miner.Ss58Address, EnvelopeMessage.HashBody([])));
        Assert.False(response.Ok);
        Assert.Equal("malformed", response.Error);
        Assert.Contains(reason, response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Handle_EnvelopeArbitraryMinerText_RefusedMalformed()
    {
        var response = Core().Handle(Envelope(WireNonce.Create(_clock), "any bytes I want signed", EnvelopeMessage.HashBody([])));
        Assert.Equal("malformed", response.Error);
    }

    [Fact]
    public void Handle_EnvelopeHashNotHex_RefusedMalformed()
    {
        var response = Core().Handle(Envelope(WireNonce.Create(_clock), _miner.Ss58Address, new string('z', 64)));
        Assert.Equal("malformed", response.Error);
    }

    [Fact]
    public void Handle_WrongToken_RefusedAndLogged()
    {
        var request = Envelope(WireNonce.Create(_clock), _miner.Ss58Address, EnvelopeMessage.HashBody([])) with { Token = "guess" };
        var response = Core().Handle(request);

        Assert.False(response.Ok);
        Assert.Equal("unauthenticated", response.Error);
        Assert.Null(response.Signature);
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning
            && l.Text.Contains("client=validator kind=request-envelope hotkey=v/default refused (wrong token)", StringComparison.Ordinal));
    }

    [Fact]
    public void Handle_UnknownKind_RefusedAndLogged()
    {
        var response = Core().Handle(new SignerRequest { Id = 1, Client = "validator", Token = Token, Hotkey = Hotkey, Kind = "raw" });
        Assert.Equal("unknown-kind", response.Error);
        Assert.Contains(_log.Lines, l => l.Text.Contains("kind=raw hotkey=v/default refused (unknown kind)", StringComparison.Ordinal));
    }

    [Fact]
    public void Handle_ControlCharactersInFields_DoNotReachTheLog()
    {
        Core().Handle(new SignerRequest { Client = "evil\nINFO forged line", Token = "x", Kind = "k" });
        Assert.All(_log.Lines, l => Assert.DoesNotContain('\n', l.Text));
    }

    [Fact]
    public void Handle_GrantedButNotLoadedHotkey_RefusedUnknownHotkey()
    {
        var policy = new SignerPolicy([Grant(["v/other"])]);
        var core = new SignerCore(policy, new Dictionary<string, IMessageSigner>(), _clock, TimeSpan.FromSeconds(120), _log);
        var response = core.Handle(new SignerRequest { Client = "validator", Token = Token, Hotkey = "v/other", Kind = SignKinds.Address });
        Assert.Equal("unknown-hotkey", response.Error);
    }

    private static SignerGrant Grant(IReadOnlyList<string> hotkeys) => new()
    {
        Name = "validator",
        TokenSha256 = SignerTokens.Hash(Token),
        Hotkeys = hotkeys,
        Kinds = [SignKinds.RequestEnvelope, SignKinds.Weights, SignKinds.Extrinsic, SignKinds.FiberRequest],
    };

    private SignerCore Core() => new(
        new SignerPolicy([Grant([Hotkey])]),
        new Dictionary<string, IMessageSigner> { [Hotkey] = new Sr25519MessageSigner(_key) },
        _clock,
        TimeSpan.FromSeconds(120),
        _log);

    private static SignerRequest Envelope(string nonce, string miner, string hash) => new()
    {
        Id = 1, Client = "validator", Token = Token, Hotkey = Hotkey, Kind = SignKinds.RequestEnvelope,
        Nonce = nonce, Miner = miner, BodySha256 = hash,
    };
}
