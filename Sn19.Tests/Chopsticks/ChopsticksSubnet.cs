namespace Sn19.Tests.Chopsticks;

using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor;
using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Chain.Subtensor.Rpc;
using Sn19.Actors.Crypto;

/// <summary>
/// Builds a subnet on a chopsticks node the way registration and staking would leave it, by writing its storage with
/// `dev_setStorage`: the keys, uids, owners and axons of each member, its stake, the validator permits, and the
/// hyperparameters a weights test needs (no rate limit, one weight is enough, commit-reveal off unless asked). Keys and values are
/// encoded with the runtime's own metadata, by item name. Every member's hotkey gets a balance, as a funded account.
/// </summary>
public static class ChopsticksSubnet
{
    private const string Pallet = "SubtensorModule";

    /// <param name="commitReveal">Require commit-reveal (v2), with the reveal one epoch after the commit.</param>
    public static async Task CreateAsync(
        SubtensorNode node, ushort netuid, IReadOnlyList<SubnetMember> members, ushort tempo, CancellationToken cancellationToken, bool commitReveal = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(members);
        var head = await node.HeadAsync(finalized: false, cancellationToken);
        var metadata = (await node.RuntimeAsync(head.Hash, cancellationToken)).Metadata;
        var pairs = new List<(byte[] Key, byte[] Value)>();
        void Set(string item, JsonNode? value, params JsonNode?[] keys)
        {
            if (SubtensorStorage.Has(metadata, Pallet, item))
            {
                pairs.Add((SubtensorStorage.Key(metadata, Pallet, item, keys), SubtensorStorage.Encode(metadata, Pallet, item, value)));
            }
        }

        var id = JsonValue.Create(netuid);
        Set("NetworksAdded", true, id);
        Set("SubnetworkN", members.Count, id);
        Set("Tempo", tempo, id);
        Set("WeightsSetRateLimit", 0, id);
        Set("MinAllowedWeights", 1, id);
        Set("MaxWeightsLimit", 65535, id);
        Set("CommitRevealWeightsEnabled", commitReveal, id);
        Set("RevealPeriodEpochs", 1, id);
        Set("WeightsVersionKey", 0, id);
        Set("MaxAllowedUids", 256, id);
        Set("MaxAllowedValidators", 64, id);
        Set("ActivityCutoff", 5000, id);
        Set("WeightsMinStake", 0);
        Set("ValidatorPermit", new JsonArray([.. members.Select(m => (JsonNode)m.ValidatorPermit)]), id);
        Set("Active", new JsonArray([.. members.Select(_ => (JsonNode)true)]), id);
        Set("LastUpdate", new JsonArray([.. members.Select(_ => (JsonNode)0)]), id);
        for (var uid = 0; uid < members.Count; uid++)
        {
            var member = members[uid];
            var hotkey = Account(member.Hotkey);
            var coldkey = Account(member.Coldkey);
            Set("Keys", hotkey, id, uid);
            Set("Uids", uid, id, hotkey);
            Set("IsNetworkMember", true, hotkey, id);
            Set("Owner", coldkey, hotkey);
            Set("BlockAtRegistration", 0, id, uid);
            Set("Axons", Axon(member), id, hotkey);
            Set("Stake", member.StakeRao, hotkey, coldkey);
            Set("TotalHotkeyStake", member.StakeRao, hotkey);
            Set("TotalHotkeyAlpha", member.StakeRao, hotkey, id);
            pairs.Add((SubtensorStorage.Key(metadata, "System", "Account", hotkey), SubtensorStorage.Encode(metadata, "System", "Account", FundedAccount())));
        }

        await node.Rpc.CallAsync(
            "dev_setStorage",
            [new JsonArray([.. pairs.Select(p => (JsonNode)new JsonArray("0x" + Convert.ToHexStringLower(p.Key), "0x" + Convert.ToHexStringLower(p.Value)))])],
            cancellationToken);
    }

    private static string Account(string ss58) =>
        Ss58.TryDecode(ss58, out var key, out _) ? "0x" + Convert.ToHexStringLower(key) : throw new ArgumentException($"{ss58} is not SS58");

    private static JsonObject Axon(SubnetMember member)
    {
        var address = IPAddress.Parse(member.AxonIp);
        return new JsonObject
        {
            ["block"] = member.AxonPort == 0 ? 0 : 1,
            ["version"] = member.AxonPort == 0 ? 0 : 1,
            ["ip"] = new BigInteger(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["port"] = member.AxonPort,
            ["ip_type"] = member.AxonPort == 0 ? 0 : 4,
            ["protocol"] = member.AxonPort == 0 ? 0 : 4,
            ["placeholder1"] = 0,
            ["placeholder2"] = 0,
        };
    }

    /// <summary>An account with a provider and 1,000 TAO free, so the runtime treats it as existing.</summary>
    private static JsonObject FundedAccount() => new()
    {
        ["nonce"] = 0,
        ["consumers"] = 0,
        ["providers"] = 1,
        ["sufficients"] = 0,
        ["data"] = new JsonObject { ["free"] = 1_000_000_000_000, ["reserved"] = 0, ["frozen"] = 0, ["flags"] = "0" },
    };
}
