namespace Sn19.Tests.Actors.Chain.Subtensor;

using System.Text.Json;
using Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>Storage keys built from the metadata's hashers equal the keys a bittensor client sent to finney (the recording).</summary>
public sealed class StorageKeysTests(FinneyRecordingsFixture finney) : IClassFixture<FinneyRecordingsFixture>
{
    [Fact]
    public void For_TheRecordedReads_BuildsTheSameKeys()
    {
        var metadata = MetadataDecoder.Decode(finney.MetadataV14);
        using var recorded = JsonDocument.Parse(File.ReadAllText(Path.Combine(finney.Directory, "finney-recorded-rpc.json")));
        var asked = recorded.RootElement.GetProperty("metagraph").GetProperty("state_getStorageAt").EnumerateObject()
            .Select(p => JsonDocument.Parse(p.Name).RootElement[0].GetString()!).ToList();
        var netuid = new byte[] { 1, 0 };

        var built = metadata.Pallet("SubtensorModule").Storage!.Entries
            .Where(e => e.Hashers.Count == 1)
            .ToDictionary(e => "0x" + Convert.ToHexStringLower(StorageKeys.For(metadata, "SubtensorModule", e.Name, netuid)), e => e.Name);

        Assert.All(asked, key => Assert.True(built.ContainsKey(key), $"no item of SubtensorModule keyed by netuid 1 gives {key}"));
        Assert.Equal(["MechanismCountCurrent", "MechanismEmissionSplit"], asked.Select(k => built[k]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void For_SystemAccountOfAlice_IsTheWellKnownKey()
    {
        var metadata = MetadataDecoder.Decode(finney.MetadataV14);
        var alice = Convert.FromHexString("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

        var key = StorageKeys.For(metadata, "System", "Account", alice);

        // twox128("System") ‖ twox128("Account") ‖ blake2_128(Alice) ‖ Alice, as every Substrate client reads a balance.
        Assert.Equal(
            "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
            Convert.ToHexStringLower(key));
    }

    [Fact]
    public void For_TwoKeyMap_HashesEachKeyWithItsHasher()
    {
        var metadata = MetadataDecoder.Decode(finney.MetadataV14);
        var hotkey = new byte[32];

        var key = StorageKeys.For(metadata, "SubtensorModule", "Uids", [1, 0], hotkey);

        // twox128 ‖ twox128 ‖ identity(netuid) ‖ blake2_128concat(hotkey) (chain-and-yuma.md §2.2).
        Assert.Equal("658faa385070e074c85bf6b568cf0555", Convert.ToHexStringLower(key[..16]));
        Assert.Equal(16 + 16 + 2 + 16 + 32, key.Length);
        Assert.Equal([1, 0], key[32..34]);
        Assert.Equal(hotkey, key[^32..]);
    }

    [Fact]
    public void SubtensorHyperparameterItems_OnFinney_ExistAndTakeTheNetuidAsAU16()
    {
        // The items SubtensorHyperparameters reads by name, on finney's runtime (spec 343), where netuids are the NetUid newtype.
        var metadata = MetadataDecoder.Decode(finney.MetadataV14);
        string[] items = ["Tempo", "Kappa", "WeightsSetRateLimit", "MinAllowedWeights", "MaxWeightsLimit", "ActivityCutoff", "CommitRevealWeightsEnabled", "RevealPeriodEpochs", "WeightsVersionKey", "NetworksAdded"];

        foreach (var item in items)
        {
            var key = Sn19.Actors.Chain.Subtensor.SubtensorStorage.Key(metadata, "SubtensorModule", item, System.Text.Json.Nodes.JsonValue.Create((ushort)19));
            var hashers = metadata.Storage("SubtensorModule", item).Hashers;
            var netuid = StorageKeys.Hash(hashers[0], [19, 0]);
            Assert.Equal(Convert.ToHexStringLower(StorageKeys.For(metadata, "SubtensorModule", item, [19, 0])), Convert.ToHexStringLower(key));
            Assert.EndsWith(Convert.ToHexStringLower(netuid), Convert.ToHexStringLower(key), StringComparison.Ordinal);
        }
    }
}
