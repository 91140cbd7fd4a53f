namespace Sn19.Tests.Actors.Chain.Subtensor;

using System.Text.Json;
using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Extrinsics;
using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Crypto;
using Sn19.Tests.Interop;
using Sn19.Tests.TestSupport;

/// <summary>
/// set_weights and serve_axon built and signed by Sn19 from finney's metadata, and by polkadot-js with @scure/sr25519 from
/// the same inputs (nonce, era, genesis, spec and transaction versions, injected signature randomness): the call, the
/// signing payload, the signature and the extrinsic must be the same bytes (issue 22, Must show 2).
/// </summary>
public sealed class ExtrinsicSigningTests
{
    private const string Genesis = "0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";
    private static readonly string MetadataFile = Path.Combine(TestPaths.SharedData, "subtensor", "finney-spec343-metadata-v14.hex");

    public static TheoryData<string> Cases => ["set_weights", "set_weights, 200 uids (hashed payload)", "serve_axon"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Extrinsic_SameInputs_SameBytesAsPolkadotJs(string name)
    {
        var (call, args) = Case(name);
        var input = new JsonObject
        {
            ["pallet"] = "SubtensorModule", ["call"] = call, ["args"] = args.DeepClone(), ["nonce"] = 17, ["period"] = 128, ["current"] = 6852690,
            ["blockHash"] = "0x" + new string('2', 64), ["genesisHash"] = Genesis, ["specVersion"] = 343, ["transactionVersion"] = 1,
            ["seed"] = "0x" + new string('7', 64), ["random"] = "0x" + new string('9', 64),
        };
        var oracle = await OracleAsync(input);

        var metadata = MetadataDecoder.Decode(Convert.FromHexString(File.ReadAllText(MetadataFile).Trim()[2..]));
        var context = new ExtrinsicContext(17, ExtrinsicEra.Mortal(128, 6852690), Bytes(input["blockHash"]), Bytes(input["genesisHash"]), 343, 1);
        var callBytes = SignedExtrinsic.Call(metadata, "SubtensorModule", call, args);
        var payload = SignedExtrinsic.SigningPayload(metadata, callBytes, context);
        var key = Sr25519Keypair.FromMiniSecret(Bytes(input["seed"]));
        var signature = key.Sign(payload, random => random.Fill(0x99));
        var extrinsic = SignedExtrinsic.Encode(metadata, callBytes, key.PublicKey, signature, context);

        Assert.Equal(oracle.GetProperty("call").GetString(), Hex(callBytes));
        Assert.Equal(oracle.GetProperty("payload").GetString(), Hex(payload));
        Assert.Equal(oracle.GetProperty("signature").GetString(), Hex(signature));
        Assert.Equal(oracle.GetProperty("extrinsic").GetString(), Hex(extrinsic));
        Assert.True(Sr25519.Verify(key.PublicKey, payload, signature));
    }

    [Fact]
    public void Call_SetWeights_MatchesTheReferenceVector()
    {
        var metadata = MetadataDecoder.Decode(Convert.FromHexString(File.ReadAllText(MetadataFile).Trim()[2..]));

        var call = SignedExtrinsic.Call(metadata, "SubtensorModule", "set_weights", new JsonObject
        {
            ["netuid"] = 1, ["dests"] = new JsonArray(3, 4, 5), ["weights"] = new JsonArray(65535, 32768, 16384), ["version_key"] = 0,
        });

        // chain-and-yuma.md §2.3.
        Assert.Equal("0x070001000c0300040005000cffff008000400000000000000000", Hex(call));
    }

    [Theory]
    [InlineData(128UL, 1000UL, "8606", 1000UL)]
    [InlineData(64UL, 5_000_000UL, "0500", 5_000_000UL)]
    public void Era_Mortal_MatchesTheReferenceVectors(ulong period, ulong current, string encoded, ulong birth)
    {
        var era = ExtrinsicEra.Mortal(period, current);

        Assert.Equal(encoded, Convert.ToHexStringLower(era.Encoded));
        Assert.Equal(birth, era.BirthBlock);
    }

    [Fact]
    public void Call_WrongArgument_NamesIt()
    {
        var metadata = MetadataDecoder.Decode(Convert.FromHexString(File.ReadAllText(MetadataFile).Trim()[2..]));

        var error = Assert.Throws<ArgumentException>(() => SignedExtrinsic.Call(metadata, "SubtensorModule", "set_weights", new JsonObject
        {
            ["netuid"] = 1, ["dests"] = new JsonArray(70000), ["weights"] = new JsonArray(1), ["version_key"] = 0,
        }));

        Assert.Contains("set_weights.dests[0]", error.Message, StringComparison.Ordinal);
    }

    private static (string Call, JsonObject Args) Case(string name) => name switch
    {
        "set_weights" => ("set_weights", new JsonObject
        {
            ["netuid"] = 1, ["dests"] = new JsonArray(3, 4, 5), ["weights"] = new JsonArray(65535, 32768, 16384), ["version_key"] = 63100,
        }),
        "serve_axon" => ("serve_axon", new JsonObject
        {
            ["netuid"] = 19, ["version"] = 1, ["ip"] = "3232235777", ["port"] = 8091, ["ip_type"] = 4, ["protocol"] = 4, ["placeholder1"] = 0, ["placeholder2"] = 0,
        }),
        _ => ("set_weights", new JsonObject
        {
            ["netuid"] = 19,
            ["dests"] = new JsonArray([.. Enumerable.Range(0, 200).Select(i => (JsonNode)i)]),
            ["weights"] = new JsonArray([.. Enumerable.Range(0, 200).Select(i => (JsonNode)(65535 - (i * 300)))]),
            ["version_key"] = 63100,
        }),
    };

    private static async Task<JsonElement> OracleAsync(JsonObject input)
    {
        var request = new JsonObject { ["metadata"] = MetadataFile, ["cases"] = new JsonArray(input) };
        var output = await NodeScript.RunAsync(
            Path.Combine(TestPaths.RepositoryRoot, "Sn19.Tests", "Subtensor"), "sign-extrinsics.mjs", [], request.ToJsonString(), CancellationToken.None);
        using var document = JsonDocument.Parse(output);
        return document.RootElement[0].Clone();
    }

    private static byte[] Bytes(JsonNode? hex) => Convert.FromHexString(hex!.GetValue<string>()[2..]);

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
