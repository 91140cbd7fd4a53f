namespace Sn19.Actors.Wire;

/// <summary>Whether a header or request field is an SS58 hotkey address this subnet accepts.</summary>
public static class WireAddress
{
    /// <summary>Generic Substrate prefix (chain-and-yuma.md §3); addresses start with <c>5</c>.</summary>
    public const ushort Ss58Prefix = 42;

    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>An sr25519 address with prefix 42 is 48 base58 characters (1 + 32 + 2 bytes).</summary>
    public static bool IsValid(string? address)
    {
        if (address is null || address.Length != 48)
        {
            return false;
        }

        foreach (var c in address)
        {
            if (!Base58Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
