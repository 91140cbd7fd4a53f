namespace Sn19.Actors.Signing;

/// <summary>
/// The fields of a request envelope a client asks the signer to sign. The validator field is not here:
/// the signer puts in the address of the hotkey that signs.
/// </summary>
public sealed record EnvelopeToSign(string Nonce, string MinerHotkey, string BodySha256Hex);
