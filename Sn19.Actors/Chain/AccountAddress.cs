namespace Sn19.Actors.Chain;

using Sn19.Actors.Crypto;

/// <summary>
/// Which key strings the chain accepts: SS58 with the Bittensor prefix 42 and a valid BLAKE2b checksum
/// (<see cref="Ss58.TryDecode"/>). One prefix only, so one account has one spelling in the metagraph.
/// This checks the address, not who sent the call: the local chain verifies no signatures.
/// </summary>
internal static class AccountAddress
{
    public static bool IsValid(string? address) =>
        address is not null && Ss58.TryDecode(address, out _, out var prefix) && prefix == Ss58.DefaultPrefix;
}
