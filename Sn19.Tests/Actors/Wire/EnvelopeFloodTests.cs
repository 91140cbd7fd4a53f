namespace Sn19.Tests.Actors.Wire;

using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire;

/// <summary>The replay cache under a flood, over real HTTP, with a per-validator cap of 3 live nonces.</summary>
public sealed class EnvelopeFloodTests : IAsyncLifetime
{
    private readonly FakeWireClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_726_000_000));
    private readonly FakeValidatorDirectory _directory = new();
    private readonly Sr25519Keypair _miner = Sr25519Keypair.Generate();
    private readonly Sr25519Keypair _validator = Sr25519Keypair.Generate();
    private readonly HttpClient _http = new();
    private EnvelopeTestServer _server = null!;
    private IHotkeySigner _signer = null!;

    public async Task InitializeAsync()
    {
        _directory.Register(_validator.Ss58Address, 5000);
        var options = new EnvelopeOptions { ReplayCachePerValidator = 3, ReplayCacheMaxValidators = 2 };
        _server = await EnvelopeTestServer.StartAsync(options, _miner.Ss58Address, _directory, _clock);
        _signer = InProcessHotkeySigner.Create(new Sr25519MessageSigner(_validator), "v/default", _clock, TimeSpan.FromSeconds(120), NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Flood_ForgedSignatures_TakeNoCacheSpace()
    {
        var forger = Sr25519Keypair.Generate();
        for (var i = 0; i < 50; i++)
        {
            using var forged = await SignedAsync($"{{\"n\":{i}}}");
            forged.Headers.Remove(WireHeaders.Signature);
            forged.Headers.Add(WireHeaders.Signature, SignatureHex.Format(forger.Sign("x"u8)));
            using var refused = await _http.SendAsync(forged);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            using var request = await SignedAsync($"{{\"ok\":{i}}}");
            using var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Flood_ValidatorOverItsShare_429UntilNoncesExpire()
    {
        for (var i = 0; i < 3; i++)
        {
            using var request = await SignedAsync("{}");
            using var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var over = await SignedAsync("{}"))
        using (var response = await _http.SendAsync(over))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal("10", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _clock.Advance(TimeSpan.FromSeconds(121));
        using var later = await SignedAsync("{}");
        using var accepted = await _http.SendAsync(later);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(4, _server.EndpointRuns);
    }

    private async Task<HttpRequestMessage> SignedAsync(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, "/echo"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var outcome = await RequestEnvelopeSigning.SignAsync(request, _miner.Ss58Address, _signer, _clock, CancellationToken.None);
        Assert.True(outcome.IsSigned, outcome.Message);
        return request;
    }
}
