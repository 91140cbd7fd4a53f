namespace Sn19.Actors.Chain.Subtensor;

using System.Globalization;
using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Metadata;
using Sn19.Actors.Chain.Subtensor.Rpc;

/// <summary>
/// A subnet's hyperparameters read from its storage items by name, in one <c>state_queryStorageAt</c>. Items a runtime
/// does not have (names change between runtime versions) keep Sn19's defaults; an item that is not stored reads as the
/// runtime's own default, from the metadata.
/// </summary>
public static class SubtensorHyperparameters
{
    private const string Pallet = "SubtensorModule";

    /// <summary>Per-subnet items (keyed by netuid), then plain values.</summary>
    private static readonly string[] SubnetItems =
    [
        "Tempo", "Kappa", "BondsMovingAverage", "BondsPenalty", "WeightsSetRateLimit", "MaxWeightsLimit", "MinAllowedWeights", "ActivityCutoff",
        "ImmunityPeriod", "MaxAllowedValidators", "MaxAllowedUids", "WeightsVersionKey", "CommitRevealWeightsEnabled", "RevealPeriodEpochs",
        "LiquidAlphaOn", "AlphaValues", "Yuma3On", "LastMechansimStepBlock", "LastEpochBlock", "NetworksAdded",
    ];

    private static readonly string[] PlainItems = ["StakeThreshold", "WeightsMinStake"];

    /// <summary>The hyperparameters, the block of the subnet's last epoch, and whether the subnet exists.</summary>
    public static async Task<(SubnetHyperparameters Hyperparameters, ulong LastEpochBlock, bool Exists)> ReadAsync(
        SubtensorNode node, RuntimeMetadata metadata, ushort netuid, string blockHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(metadata);
        var items = SubnetItems.Where(i => SubtensorStorage.Has(metadata, Pallet, i)).Select(i => (Item: i, Keyed: true))
            .Concat(PlainItems.Where(i => SubtensorStorage.Has(metadata, Pallet, i)).Select(i => (Item: i, Keyed: false)))
            .ToList();
        var keys = items.Select(i => i.Keyed ? SubtensorStorage.Key(metadata, Pallet, i.Item, JsonValue.Create(netuid)) : SubtensorStorage.Key(metadata, Pallet, i.Item)).ToList();
        var stored = await node.StorageAsync(keys, blockHash, cancellationToken);
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            values[items[i].Item] = SubtensorStorage.Decode(metadata, Pallet, items[i].Item, stored[i]);
        }

        var defaults = new SubnetHyperparameters();
        var tempo = Number(values, "Tempo") ?? defaults.Tempo;
        var alpha = values.GetValueOrDefault("AlphaValues") as JsonArray;
        var hyperparameters = new SubnetHyperparameters
        {
            Tempo = tempo,
            Kappa = (ushort)(Number(values, "Kappa") ?? defaults.Kappa),
            BondsMovingAverage = Number(values, "BondsMovingAverage") ?? defaults.BondsMovingAverage,
            BondsPenalty = (ushort)(Number(values, "BondsPenalty") ?? defaults.BondsPenalty),
            WeightsRateLimit = Number(values, "WeightsSetRateLimit") ?? defaults.WeightsRateLimit,
            MaxWeightsLimit = (ushort)(Number(values, "MaxWeightsLimit") ?? defaults.MaxWeightsLimit),
            MinAllowedWeights = (ushort)(Number(values, "MinAllowedWeights") ?? defaults.MinAllowedWeights),
            // Subtensor stores the cutoff in blocks; Sn19 keeps it per mille of tempo.
            // Rounded up so that converting back (factor × tempo / 1000, rounded down) gives the chain's blocks again.
            ActivityCutoffFactorMilli = Number(values, "ActivityCutoff") is { } cutoff
                ? ((cutoff * 1000) + Math.Max(tempo, 1) - 1) / Math.Max(tempo, 1)
                : defaults.ActivityCutoffFactorMilli,
            ImmunityPeriod = Number(values, "ImmunityPeriod") ?? defaults.ImmunityPeriod,
            MaxAllowedValidators = (ushort)(Number(values, "MaxAllowedValidators") ?? defaults.MaxAllowedValidators),
            MaxAllowedUids = (ushort)(Number(values, "MaxAllowedUids") ?? defaults.MaxAllowedUids),
            WeightsVersionKey = Number(values, "WeightsVersionKey") ?? defaults.WeightsVersionKey,
            CommitRevealEnabled = Flag(values, "CommitRevealWeightsEnabled") ?? false,
            RevealPeriodEpochs = Number(values, "RevealPeriodEpochs") ?? defaults.RevealPeriodEpochs,
            LiquidAlpha = Flag(values, "LiquidAlphaOn") ?? false,
            AlphaLow = (ushort)(alpha is { Count: 2 } ? Number(alpha[0]) ?? defaults.AlphaLow : defaults.AlphaLow),
            AlphaHigh = (ushort)(alpha is { Count: 2 } ? Number(alpha[1]) ?? defaults.AlphaHigh : defaults.AlphaHigh),
            Yuma3 = Flag(values, "Yuma3On") ?? false,
            StakeThreshold = Number(values, "StakeThreshold") ?? Number(values, "WeightsMinStake") ?? 0,
        };
        var lastEpoch = Number(values, "LastEpochBlock") ?? Number(values, "LastMechansimStepBlock") ?? 0;
        return (hyperparameters, lastEpoch, Flag(values, "NetworksAdded") ?? true);
    }

    private static ulong? Number(Dictionary<string, JsonNode?> values, string item) => Number(values.GetValueOrDefault(item));

    private static ulong? Number(JsonNode? value) =>
        value is JsonValue v ? ulong.Parse(v.ToJsonString().Trim('"'), CultureInfo.InvariantCulture) : null;

    private static bool? Flag(Dictionary<string, JsonNode?> values, string item) =>
        values.GetValueOrDefault(item) is JsonValue v && v.TryGetValue<bool>(out var flag) ? flag : null;
}
