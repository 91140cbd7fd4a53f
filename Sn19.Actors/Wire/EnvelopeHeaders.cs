namespace Sn19.Actors.Wire;

/// <summary>The envelope headers of one request once they have passed the header checks.</summary>
internal sealed record EnvelopeHeaders(
    string ValidatorHotkey,
    string MinerHotkey,
    string Nonce,
    long NonceUnixNanoseconds,
    ReadOnlyMemory<byte> Signature);
