namespace Sn19.Actors.Signing;

/// <summary>
/// The signer's answer to the request with the same <see cref="Id"/>: a signature (<c>0x</c> hex) and the
/// signing hotkey's SS58 address, or an error code (<see cref="SignRefusal"/> in kebab-case) and a message.
/// </summary>
public sealed record SignerResponse
{
    public long Id { get; init; }

    public bool Ok { get; init; }

    public string? Signature { get; init; }

    public string? Address { get; init; }

    public string? Error { get; init; }

    public string? Message { get; init; }
}
