namespace Sn19.Tests.Host.Miner.Fiber;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire;
using Sn19.Actors.Wire.Fiber;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;
using Sn19.Host.Miner;
using Sn19.Tests.Actors.Subnet.LlmChecks;
using Sn19.Tests.Interop;
using Sn19.Tests.TestSupport;

/// <summary>
/// Fiber 2.x, Nineteen's wire, over real HTTP: a Sn19 validator's <see cref="FiberWire"/> shakes hands with a Sn19 miner
/// (RSA-OAEP key exchange, signed headers) and queries it with Fernet-encrypted requests; the miner answers in
/// Nineteen's dialect. The RSA-OAEP scheme is checked both ways against node's crypto. Alice is a validator with
/// 2,000 TAO; Bob is the miner.
/// </summary>
public sealed class FiberMinerTests(StoriesModelPairFixture models) : IClassFixture<StoriesModelPairFixture>, IAsyncLifetime
{
    private const double Capacity = 120;
    private MinerRig _rig = null!;

    public async Task InitializeAsync() => _rig = await MinerRig.StartAsync(models.Task, Capacity);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Completion_OverFiber_StreamsTokenChunksOnlyThatPassTheCheck()
    {
        var request = Request(maxTokens: 12);
        var result = await new MinerQueryClient(_rig.Http, Wire(), new QueryTimeouts(), TimeProvider.System)
            .QueryAsync(_rig.Miner.Address, DevKeys.Address("Bob"), request, default);

        Assert.Equal(QueryStatus.Ok, result.Status);
        Assert.InRange(result.Tokens, 1, 12);
        // Nineteen's dialect: every chunk is a token with its log-probabilities (no usage chunk, no closing chunk).
        Assert.Equal(result.Tokens, result.Chunks.Count);
        Assert.All(result.Chunks, c => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, c.GetProperty("choices")[0].GetProperty("logprobs").ValueKind));
        var stream = MinerStreamParser.Parse(result.Chunks, TextRequestKind.Completion);
        var check = await new LlmChecker(new LlmCheckOptions())
            .CheckAsync(request, stream, new EngineSequenceScorer(models.Task, "task"), new Random(1), default);
        Assert.True(check.Quality >= 0.95, check.FailReason);
    }

    [Fact]
    public async Task Capacity_OverFiber_IsNineteensPlainMapOfTheValidatorsShare()
    {
        var (capacities, error) = await new CapacityClient(_rig.Http, Wire(), TimeProvider.System, TimeSpan.FromSeconds(10))
            .FetchAsync(_rig.Miner.Address, DevKeys.Address("Bob"), default);

        Assert.Null(error);
        Assert.Equal(Capacity, capacities!["completion"], 6); // Alice holds all validator stake
    }

    [Fact]
    public async Task EncryptedRequest_WithAnotherValidatorsSignature_IsRefusedBeforeDecrypting()
    {
        var (uuid, key) = await HandshakeAsync("Alice");
        using var request = EncryptedRequest(uuid, key, """{"model":"completion","prompt":"x","max_tokens":1}""");
        // Signed by Charlie (not registered) while claiming to be Alice.
        request.Headers.Remove(WireHeaders.Signature);
        var nonce = request.Headers.GetValues(WireHeaders.Nonce).Single();
        var forged = await DevKeys.Signer("Charlie").SignFiberRequestAsync(new Sn19.Actors.Signing.EnvelopeToSign(nonce, DevKeys.Address("Bob"), uuid), default);
        request.Headers.TryAddWithoutValidation(WireHeaders.Signature, SignatureHex.Format(forged.Signature.Span));

        using var response = await _rig.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EncryptedRequest_UnderAnUnknownKey_Is400AndTheWireShakesHandsAgain()
    {
        var wire = Wire();
        var client = new MinerQueryClient(_rig.Http, wire, new QueryTimeouts(), TimeProvider.System);
        Assert.Equal(QueryStatus.Ok, (await client.QueryAsync(_rig.Miner.Address, DevKeys.Address("Bob"), Request(2), default)).Status);

        // The miner restarts on the same port and forgets every key, as fiber's miners do.
        await _rig.RestartMinerAsync();

        var lost = await client.QueryAsync(_rig.Miner.Address, DevKeys.Address("Bob"), Request(2), default);
        var again = await client.QueryAsync(_rig.Miner.Address, DevKeys.Address("Bob"), Request(2), default);

        Assert.Equal(400, lost.HttpStatus);
        Assert.Equal(QueryStatus.Ok, again.Status);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task RestartedMiner_WithAKeyFile_StillHoldsTheValidatorsKey()
    {
        _rig.KeepFiberKeys = true;
        await _rig.RestartMinerAsync();
        var client = new MinerQueryClient(_rig.Http, Wire(), new QueryTimeouts(), TimeProvider.System);
        Assert.Equal(QueryStatus.Ok, (await client.QueryAsync(_rig.Miner.Address, DevKeys.Address("Bob"), Request(2), default)).Status);

        await _rig.RestartMinerAsync();
        var after = await client.QueryAsync(_rig.Miner.Address, DevKeys.Address("Bob"), Request(2), default);

        Assert.Equal(QueryStatus.Ok, after.Status); // no 400: the key came back from the file
        var kept = FiberKeyFile.Read(await File.ReadAllTextAsync(_rig.FiberKeyFile), FiberKeyFile.DefaultStorageKey);
        Assert.Equal(DevKeys.Address("Alice"), Assert.Single(kept).ValidatorHotkey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_rig.FiberKeyFile));
    }

    [Fact]
    public async Task RsaOaep_NodesCryptoEncryptsToTheMinersKeyAndDecryptsTheValidators()
    {
        var state = new FiberMinerState(TimeProvider.System);
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var encrypted = JsonNode.Parse(await NodeScript.RunAsync("rsa-oaep.mjs",
            new JsonObject { ["op"] = "encrypt", ["publicPem"] = state.PublicKeyPem, ["keyHex"] = Convert.ToHexStringLower(key) }.ToJsonString(), default))!;
        Assert.Equal(key, state.DecryptKey(Convert.FromBase64String(encrypted["ciphertext"]!.GetValue<string>())));

        var pair = JsonNode.Parse(await NodeScript.RunAsync("rsa-oaep.mjs", """{"op":"generate"}""", default))!;
        var ciphertext = FiberWire.EncryptKey(pair["publicPem"]!.GetValue<string>(), key);
        var decrypted = JsonNode.Parse(await NodeScript.RunAsync("rsa-oaep.mjs",
            new JsonObject { ["op"] = "decrypt", ["privatePem"] = pair["privatePem"]!.GetValue<string>(), ["ciphertext"] = ciphertext }.ToJsonString(), default))!;
        Assert.Equal(Convert.ToHexStringLower(key), decrypted["keyHex"]!.GetValue<string>());
        state.Dispose();
    }

    private FiberWire Wire() => new(_rig.Http, DevKeys.Signer("Alice"), TimeProvider.System);

    /// <summary>A handshake by hand, as fiber's validator makes it; the uuid and key the miner now holds.</summary>
    private async Task<(string Uuid, byte[] Key)> HandshakeAsync(string validator)
    {
        var answer = await _rig.Http.GetFromJsonAsync<JsonObject>(new Uri(_rig.Miner.Address, "public-encryption-key"));
        var key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var uuid = Convert.ToHexStringLower(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_rig.Miner.Address, "exchange-symmetric-key"))
        {
            Content = JsonContent.Create(new JsonObject { ["encrypted_symmetric_key"] = FiberWire.EncryptKey(answer!["public_key"]!.GetValue<string>(), key) }),
        };
        await SignAsync(request, validator, uuid);
        using var response = await _rig.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (uuid, key);
    }

    private HttpRequestMessage EncryptedRequest(string uuid, byte[] key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_rig.Miner.Address, "completions"))
        {
            Content = new StringContent(new Fernet(key).Encrypt(Encoding.UTF8.GetBytes(json), DateTimeOffset.UtcNow)),
        };
        SignAsync(request, "Alice", uuid).GetAwaiter().GetResult();
        return request;
    }

    private static async Task SignAsync(HttpRequestMessage request, string validator, string uuid)
    {
        var nonce = WireNonce.Create(TimeProvider.System);
        var signed = await DevKeys.Signer(validator).SignFiberRequestAsync(new Sn19.Actors.Signing.EnvelopeToSign(nonce, DevKeys.Address("Bob"), uuid), default);
        request.Headers.TryAddWithoutValidation(WireHeaders.ValidatorHotkey, DevKeys.Address(validator));
        request.Headers.TryAddWithoutValidation(WireHeaders.MinerHotkey, DevKeys.Address("Bob"));
        request.Headers.TryAddWithoutValidation(WireHeaders.Nonce, nonce);
        request.Headers.TryAddWithoutValidation(WireHeaders.Signature, SignatureHex.Format(signed.Signature.Span));
        request.Headers.TryAddWithoutValidation(FiberProtocol.SymmetricKeyUuidHeader, uuid);
    }

    private static TextRequest Request(int maxTokens) =>
        new() { Model = "completion", Prompt = "Alice was beginning to get very tired", MaxTokens = maxTokens, Temperature = 0.7, Seed = 5 };
}
