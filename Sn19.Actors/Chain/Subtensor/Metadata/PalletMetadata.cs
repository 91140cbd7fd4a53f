namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A pallet: the index its calls are sent with, its storage, and its call, event and error enums' type ids.</summary>
public sealed record PalletMetadata(
    string Name, byte Index, PalletStorage? Storage, int? CallType, int? EventType, int? ErrorType, IReadOnlyList<PalletConstant> Constants);
