namespace Sn19.Actors.Wire;

using Sn19.Actors.Crypto;

/// <summary>Whether a header or request field is an SS58 hotkey address this subnet accepts.</summary>
public static class WireAddress
{
    /// <summary>Generic Substrate prefix (chain-and-yuma.md §3); addresses start with <c>5</c>.</summary>
    public const ushort Ss58Prefix = Ss58.DefaultPrefix;

    /// <summary>A 32-byte key with prefix 42 and a correct checksum (48 base58 characters).</summary>
    public static bool IsValid(string? address) =>
        address is { Length: 48 }
        && Ss58.TryDecode(address, out var publicKey, out var prefix)
        && prefix == Ss58Prefix
        && publicKey.Length == Sr25519.PublicKeyLength;
}
