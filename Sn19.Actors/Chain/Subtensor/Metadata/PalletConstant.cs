namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A pallet constant: its type and SCALE value.</summary>
public sealed record PalletConstant(string Name, int Type, byte[] Value);
