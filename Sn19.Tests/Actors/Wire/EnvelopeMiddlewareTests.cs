namespace Sn19.Tests.Actors.Wire;

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire;

/// <summary>
/// Issue 5, "Must show" 5: over real HTTP on 127.0.0.1, each bad envelope gets its own 4xx and JSON error
/// code, and the endpoint (which counts its runs) never runs for a refused request.
/// </summary>
public sealed class EnvelopeMiddlewareTests : IAsyncLifetime
{
    private const int UnverifiedLimit = 3;
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_726_000_000);

    private readonly FakeWireClock _clock = new(Start);
    private readonly FakeValidatorDirectory _directory = new();
    private readonly Sr25519Keypair _miner = Sr25519Keypair.Generate();
    private readonly Sr25519Keypair _validator = Sr25519Keypair.Generate();
    private readonly HttpClient _http = new();
    private EnvelopeTestServer _server = null!;
    private IHotkeySigner _signer = null!;

    public async Task InitializeAsync()
    {
        _directory.Register(_validator.Ss58Address, 5000);
        var options = new EnvelopeOptions
        {
            MinValidatorStake = 1000,
            MaxBodyBytes = 64 * 1024,
            MaxUnverifiedPerValidator = UnverifiedLimit,
            UnverifiedMemoryBytes = 1024,
        };
        _server = await EnvelopeTestServer.StartAsync(options, _miner.Ss58Address, _directory, _clock);
        _signer = SignerFor(_validator);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Post_SignedRequest_ReachesEndpointWithBodyIntact()
    {
        var body = """{"model":"test","prompt":"hello"}""";
        using var response = await _http.SendAsync(await SignedAsync(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EnvelopeMessage.HashBody(Encoding.UTF8.GetBytes(body)), await response.Content.ReadAsStringAsync());
        Assert.Equal(1, _server.EndpointRuns);
        Assert.Equal(_validator.Ss58Address, _server.LastValidator);
    }

    [Fact]
    public async Task Post_SignatureOverBytesWrappedText_AcceptedAsPolkadotJsSignsIt()
    {
        var request = await SignedAsync("{}");
        var nonce = request.Headers.GetValues(WireHeaders.Nonce).Single();
        var text = EnvelopeMessage.Compose(nonce, _validator.Ss58Address, _miner.Ss58Address, EnvelopeMessage.HashBody("{}"u8));
        request.Headers.Remove(WireHeaders.Signature);
        request.Headers.Add(WireHeaders.Signature, SignatureHex.Format(_validator.Sign(Encoding.UTF8.GetBytes("<Bytes>" + text + "</Bytes>"))));

        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_TamperedBody_401BadSignature_EndpointNotRun()
    {
        var request = await SignedAsync("""{"prompt":"pay miner 1"}""");
        request.Content = new StringContent("""{"prompt":"pay miner 2"}""", Encoding.UTF8, "application/json");
        await AssertRefusedAsync(request, HttpStatusCode.Unauthorized, "bad-signature");
    }

    [Fact]
    public async Task Post_SignedByAnotherKey_401BadSignature()
    {
        var request = await SignedAsync("{}");
        request.Headers.Remove(WireHeaders.Signature);
        var other = Sr25519Keypair.Generate();
        request.Headers.Add(WireHeaders.Signature, SignatureHex.Format(other.Sign("forged"u8)));
        await AssertRefusedAsync(request, HttpStatusCode.Unauthorized, "bad-signature");
    }

    [Fact]
    public async Task Post_StaleNonce_408_EndpointNotRun()
    {
        var request = await SignedAsync("{}");
        _clock.Advance(TimeSpan.FromSeconds(121));
        await AssertRefusedAsync(request, HttpStatusCode.RequestTimeout, "stale-nonce");
    }

    [Fact]
    public async Task Post_NonceFromTheFuture_408()
    {
        var request = await SignedAsync("{}");
        _clock.Advance(TimeSpan.FromSeconds(-121));
        await AssertRefusedAsync(request, HttpStatusCode.RequestTimeout, "stale-nonce");
    }

    [Fact]
    public async Task Post_NonceAtTheWindowEdge_Accepted()
    {
        var request = await SignedAsync("{}");
        _clock.Advance(TimeSpan.FromSeconds(120));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ReplayedNonce_409_EndpointRanOnce()
    {
        var body = """{"prompt":"once"}""";
        var first = await SignedAsync(body);
        var replay = Copy(first, body);
        using (var response = await _http.SendAsync(first))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await AssertRefusedAsync(replay, HttpStatusCode.Conflict, "replayed-nonce", expectedRuns: 1);
    }

    [Fact]
    public async Task Post_UnknownValidator_403()
    {
        var stranger = Sr25519Keypair.Generate();
        _signer = SignerFor(stranger);
        await AssertRefusedAsync(await SignedAsync("{}"), HttpStatusCode.Forbidden, "unknown-validator");
    }

    [Fact]
    public async Task Post_ValidatorBelowStakeMinimum_403()
    {
        var poor = Sr25519Keypair.Generate();
        _directory.Register(poor.Ss58Address, 999.5);
        _signer = SignerFor(poor);
        await AssertRefusedAsync(await SignedAsync("{}"), HttpStatusCode.Forbidden, "low-stake");
    }

    [Fact]
    public async Task Post_AddressedToAnotherMiner_400()
    {
        var other = Sr25519Keypair.Generate();
        await AssertRefusedAsync(await SignedAsync("{}", other.Ss58Address), HttpStatusCode.BadRequest, "wrong-miner");
    }

    [Theory]
    [InlineData(WireHeaders.ValidatorHotkey)]
    [InlineData(WireHeaders.MinerHotkey)]
    [InlineData(WireHeaders.Nonce)]
    [InlineData(WireHeaders.Signature)]
    public async Task Post_MissingHeader_400(string header)
    {
        var request = await SignedAsync("{}");
        request.Headers.Remove(header);
        await AssertRefusedAsync(request, HttpStatusCode.BadRequest, "missing-header");
    }

    [Theory]
    [InlineData(WireHeaders.ValidatorHotkey, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ")]
    [InlineData(WireHeaders.Nonce, "1726000000000000000_short")]
    [InlineData(WireHeaders.Signature, "0xabcd")]
    public async Task Post_MalformedHeader_400(string header, string value)
    {
        var request = await SignedAsync("{}");
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
        await AssertRefusedAsync(request, HttpStatusCode.BadRequest, "malformed-header");
    }

    [Fact]
    public async Task Post_BodyOverCap_413_EndpointNotRun()
    {
        var body = new string('x', (64 * 1024) + 1);
        await AssertRefusedAsync(await SignedAsync(body), HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Fact]
    public async Task Post_ChunkedBodyOverCap_413()
    {
        var request = await SignedAsync(new string('y', 100 * 1024));
        var bytes = await request.Content!.ReadAsByteArrayAsync();
        request.Content = new StreamContent(new MemoryStream(bytes));
        request.Headers.TransferEncodingChunked = true;
        await AssertRefusedAsync(request, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Fact]
    public async Task Post_BodyLargerThanTheMemoryBound_ReachesEndpointIntact()
    {
        // 40 KiB against a 1 KiB memory bound: the rest of the body waited in a temporary file.
        var body = "{\"prompt\":\"" + new string('m', 40 * 1024) + "\"}";
        using var response = await _http.SendAsync(await SignedAsync(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EnvelopeMessage.HashBody(Encoding.UTF8.GetBytes(body)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_MoreUnverifiedBodiesThanTheValidatorsLimit_429_ThenServedOnceTheyEnd()
    {
        // Regression (hardening issue, defect 2): anyone can forge the headers of a registered validator,
        // and each such request used to copy up to the whole body cap into memory before its signature was
        // checked. Now a claimed validator holds at most UnverifiedLimit requests whose bodies are arriving.
        var stalled = new List<System.Net.Sockets.TcpClient>();
        try
        {
            for (var i = 0; i < UnverifiedLimit; i++)
            {
                stalled.Add(await StartHeadersOnlyAsync(await SignedAsync(new string('b', 1000))));
            }

            await WaitUntilAsync(() => _server.Verifier.Unverified.InFlight(_validator.Ss58Address) == UnverifiedLimit);
            using var refused = await _http.SendAsync(await SignedAsync("{}"));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
            Assert.Contains("too-many-unverified", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            stalled.ForEach(c => c.Dispose());
        }

        await WaitUntilAsync(() => _server.Verifier.Unverified.InFlight(_validator.Ss58Address) == 0);
        using var served = await _http.SendAsync(await SignedAsync("{}"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Post_StaleNonce_RefusedWhileTheBodyIsStillUnsent()
    {
        var request = await SignedAsync(new string('b', 1000));
        _clock.Advance(TimeSpan.FromSeconds(121));
        var (status, body) = await SendHeadersOnlyAsync(request);
        Assert.StartsWith("HTTP/1.1 408", status, StringComparison.Ordinal);
        Assert.Contains("\"stale-nonce\"", body, StringComparison.Ordinal);
        Assert.Equal(0, _server.EndpointRuns);
    }

    [Fact]
    public async Task Post_UnknownValidator_RefusedWhileTheBodyIsStillUnsent()
    {
        _signer = SignerFor(Sr25519Keypair.Generate());
        var request = await SignedAsync(new string('b', 1000));
        var (status, body) = await SendHeadersOnlyAsync(request);
        Assert.StartsWith("HTTP/1.1 403", status, StringComparison.Ordinal);
        Assert.Contains("\"unknown-validator\"", body, StringComparison.Ordinal);
        Assert.Equal(0, _server.EndpointRuns);
    }

    /// <summary>Sends the headers of <paramref name="request"/> with a Content-Length of 1000 and 10 bytes of body, then stalls.</summary>
    private async Task<System.Net.Sockets.TcpClient> StartHeadersOnlyAsync(HttpRequestMessage request)
    {
        var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_server.Address.Host, _server.Address.Port);
        await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(HeadersOnly(request)));
        return tcp;
    }

    /// <summary>Waits, up to 30 s, for a condition the server reaches on its own threads.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    private string HeadersOnly(HttpRequestMessage request)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"POST /echo HTTP/1.1\r\nHost: {_server.Address.Authority}\r\n");
        foreach (var (name, values) in request.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {string.Join(",", values)}\r\n");
        }

        return head.Append("Content-Type: application/json\r\nContent-Length: 1000\r\n\r\nbbbbbbbbbb").ToString();
    }

    /// <summary>
    /// Writes the request line, the headers and a Content-Length of 1000 over a raw socket, then 10 bytes of
    /// body and nothing more, and returns the response's status line and JSON body: our error code here (not
    /// Kestrel's own body-timeout 408) proves the middleware decided without waiting for the body.
    /// </summary>
    private async Task<(string Status, string Body)> SendHeadersOnlyAsync(HttpRequestMessage request)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_server.Address.Host, _server.Address.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(HeadersOnly(request)));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var status = await reader.ReadLineAsync(deadline.Token) ?? string.Empty;
        var length = 0;
        string? line;
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(deadline.Token)))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..], CultureInfo.InvariantCulture);
            }
        }

        var body = new char[length];
        await reader.ReadBlockAsync(body, deadline.Token);
        return (status, new string(body));
    }

    private IHotkeySigner SignerFor(Sr25519Keypair key) =>
        InProcessHotkeySigner.Create(new Sr25519MessageSigner(key), "test/validator", _clock, TimeSpan.FromSeconds(120), NullLogger.Instance);

    private async Task<HttpRequestMessage> SignedAsync(string body, string? miner = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, "/echo"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var outcome = await RequestEnvelopeSigning.SignAsync(request, miner ?? _miner.Ss58Address, _signer, _clock, CancellationToken.None);
        Assert.True(outcome.IsSigned, outcome.Message);
        return request;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage original, string body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, values) in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        return copy;
    }

    private async Task AssertRefusedAsync(HttpRequestMessage request, HttpStatusCode status, string code, int expectedRuns = 0)
    {
        using (request)
        using (var response = await _http.SendAsync(request))
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(code, json.RootElement.GetProperty("error").GetString());
        }

        Assert.Equal(expectedRuns, _server.EndpointRuns);
    }
}
