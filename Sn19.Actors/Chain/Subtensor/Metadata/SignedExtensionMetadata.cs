namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A signed (transaction) extension, in the order a signed extrinsic carries them: the type of its explicit part
/// (sent in the extrinsic) and of its implicit part (signed, not sent).</summary>
public sealed record SignedExtensionMetadata(string Identifier, int Type, int AdditionalSigned);
