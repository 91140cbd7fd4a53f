namespace Sn19.Tests.Actors.Chain.Subtensor;

using System.Text.Json;
using Sn19.Actors.Chain.Subtensor;
using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Chain.Subtensor.Scale;

/// <summary>
/// Finney's metadata (V14 and V15, runtime spec 343) and a recorded metagraph answer, decoded by Sn19 and by polkadot-js
/// from the same bytes (issue 22, Must show 1).
/// </summary>
public sealed class FinneyDecodingTests(FinneyRecordingsFixture finney) : IClassFixture<FinneyRecordingsFixture>
{
    [Theory]
    [InlineData("v14")]
    [InlineData("v15")]
    public void Metadata_BothVersions_MatchPolkadotJsPalletByPallet(string version)
    {
        var metadata = version == "v14" ? MetadataDecoder.Decode(finney.MetadataV14) : MetadataDecoder.DecodeAtVersion(finney.MetadataV15Option)!;
        var oracle = finney.Oracle.GetProperty("metadata").GetProperty(version);

        Assert.Equal(oracle.GetProperty("version").GetInt32(), metadata.Version);
        Assert.Equal(oracle.GetProperty("types").GetInt32(), metadata.Types.Count);
        Assert.Equal(Strings(oracle.GetProperty("signedExtensions")), metadata.SignedExtensions.Select(e => e.Identifier));
        var pallets = oracle.GetProperty("pallets").EnumerateArray().ToList();
        Assert.Equal(pallets.Select(p => p.GetProperty("name").GetString()), metadata.Pallets.Select(p => p.Name));
        foreach (var (expected, actual) in pallets.Zip(metadata.Pallets))
        {
            Assert.Equal(expected.GetProperty("index").GetInt32(), actual.Index);
            Assert.Equal(Strings(expected.GetProperty("storage")), actual.Storage?.Entries.Select(e => e.Name) ?? []);
            var calls = expected.GetProperty("calls").EnumerateArray().Select(c => (c[0].GetString()!, c[1].GetInt32())).ToList();
            Assert.Equal(calls, actual.CallType is { } type
                ? ((VariantType)metadata.Type(type).Definition).Variants.Select(v => (v.Name, (int)v.Index))
                : []);
        }
    }

    [Fact]
    public void Metadata_SubtensorCalls_FoundByName()
    {
        var metadata = MetadataDecoder.Decode(finney.MetadataV14);

        // The indices the shared data's README lists, found in the metadata rather than written into the client.
        Assert.Equal((7, 0), Indices(metadata.Call("SubtensorModule", "set_weights")));
        Assert.Equal((7, 4), Indices(metadata.Call("SubtensorModule", "serve_axon")));
        Assert.Equal((7, 96), Indices(metadata.Call("SubtensorModule", "commit_weights")));
        Assert.Equal((7, 97), Indices(metadata.Call("SubtensorModule", "reveal_weights")));
        Assert.Equal(["netuid", "dests", "weights", "version_key"], metadata.Call("SubtensorModule", "set_weights").Fields.Select(f => f.Name));
        Assert.Equal([StorageHasher.Identity, StorageHasher.Identity], metadata.Storage("SubtensorModule", "Keys").Hashers);
    }

    [Fact]
    public void Metadata_V14_HasNoRuntimeApis_AndSaysSo()
    {
        var metadata = MetadataDecoder.Decode(finney.MetadataV14);

        var error = Assert.Throws<KeyNotFoundException>(() => metadata.RuntimeApi(NeuronsLite.Api, NeuronsLite.Method));
        Assert.Contains("needs V15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeuronsLite_AtBlock6852690_MatchPolkadotJsNeuronByNeuron()
    {
        var metadata = MetadataDecoder.DecodeAtVersion(finney.MetadataV15Option)!;

        var neurons = NeuronsLite.Decode(metadata, finney.NeuronsAnswer);

        var oracle = finney.Oracle.GetProperty("neurons").EnumerateArray().ToList();
        Assert.Equal(1024, neurons.Count);
        Assert.Equal(oracle.Count, neurons.Count);
        foreach (var (expected, actual) in oracle.Zip(neurons))
        {
            Assert.Equal(expected.GetProperty("uid").GetInt32(), actual.Uid);
            Assert.Equal(expected.GetProperty("hotkey").GetString(), actual.Hotkey);
            Assert.Equal(expected.GetProperty("coldkey").GetString(), actual.Coldkey);
            Assert.Equal(ulong.Parse(expected.GetProperty("stake").GetString()!, System.Globalization.CultureInfo.InvariantCulture), actual.StakeRao);
            Assert.Equal(Address(expected.GetProperty("axonIp").GetString()), Address(actual.AxonIp));
            Assert.Equal(expected.GetProperty("axonPort").GetInt32(), actual.AxonPort);
            Assert.Equal(expected.GetProperty("validatorPermit").GetBoolean(), actual.ValidatorPermit);
            Assert.Equal(expected.GetProperty("active").GetBoolean(), actual.Active);
            Assert.Equal(ulong.Parse(expected.GetProperty("lastUpdate").GetString()!, System.Globalization.CultureInfo.InvariantCulture), actual.LastUpdate);
        }
    }

    [Fact]
    public void NeuronsLite_TruncatedAnswer_SaysWhere()
    {
        var metadata = MetadataDecoder.DecodeAtVersion(finney.MetadataV15Option)!;

        var error = Assert.Throws<ScaleFormatException>(() => NeuronsLite.Decode(metadata, finney.NeuronsAnswer[..^7]));

        Assert.True(error.Offset > 0);
    }

    [Fact]
    public void Metadata_WithABytePastTheEnd_IsRefused()
    {
        Assert.Throws<ScaleFormatException>(() => MetadataDecoder.Decode([.. finney.MetadataV14, 0]));
    }

    private static System.Net.IPAddress? Address(string? text) => text is null ? null : System.Net.IPAddress.Parse(text);

    private static (int, int) Indices((byte Pallet, byte Call, IReadOnlyList<TypeField> Fields) call) => (call.Pallet, call.Call);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
