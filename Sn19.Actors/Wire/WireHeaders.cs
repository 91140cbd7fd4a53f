namespace Sn19.Actors.Wire;

/// <summary>
/// Header names of the signed validator→miner envelope. They are fiber 2.x's names
/// (checking-and-fiber.md §B.2.2), so a port of a deployed peer recognises them; the signed text differs
/// from fiber (see <see cref="EnvelopeMessage"/>).
/// </summary>
public static class WireHeaders
{
    /// <summary>SS58 address of the validator hotkey that signed the request.</summary>
    public const string ValidatorHotkey = "validator-hotkey";

    /// <summary>SS58 address of the miner hotkey the request is meant for.</summary>
    public const string MinerHotkey = "miner-hotkey";

    /// <summary><c>&lt;unix time ns&gt;_&lt;10 alphanumerics&gt;</c>, see <see cref="WireNonce"/>.</summary>
    public const string Nonce = "nonce";

    /// <summary><c>0x</c> + 128 lowercase hex digits: the 64-byte sr25519 signature.</summary>
    public const string Signature = "signature";

    /// <summary>The header's value when it is given exactly once; a header given more than once is treated as absent
    /// rather than guessing which one was signed.</summary>
    public static string? Single(Microsoft.AspNetCore.Http.HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}
