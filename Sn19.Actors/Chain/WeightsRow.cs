namespace Sn19.Actors.Chain;

/// <summary>The weights a uid has set, as stored (max-upscaled u16), and when.</summary>
public sealed record WeightsRow(ushort Uid, string Hotkey, ulong LastUpdate, IReadOnlyList<UidValue> Weights);
