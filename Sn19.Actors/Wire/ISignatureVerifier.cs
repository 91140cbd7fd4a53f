namespace Sn19.Actors.Wire;

/// <summary>Checks a signature made by the hotkey behind an SS58 address. Needs no secret.</summary>
public interface ISignatureVerifier
{
    /// <summary>False for a bad signature and for an address that does not decode.</summary>
    bool Verify(string signerSs58, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
