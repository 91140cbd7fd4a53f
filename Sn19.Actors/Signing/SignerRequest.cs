namespace Sn19.Actors.Signing;

/// <summary>
/// One frame from a client to the signer (JSON, camelCase). Which fields matter depends on
/// <see cref="Kind"/>: <c>request-envelope</c> uses nonce, miner and bodySha256; <c>weights</c> uses netuid,
/// uids, values and versionKey; <c>extrinsic</c> uses payload; <c>address</c> uses none.
/// </summary>
public sealed record SignerRequest
{
    public long Id { get; init; }

    public string? Client { get; init; }

    public string? Token { get; init; }

    /// <summary><c>WALLET/HOTKEY</c>, as the hotkey file lies under the wallets root.</summary>
    public string? Hotkey { get; init; }

    public string? Kind { get; init; }

    public string? Nonce { get; init; }

    public string? Miner { get; init; }

    public string? BodySha256 { get; init; }

    public ushort Netuid { get; init; }

    public IReadOnlyList<ushort>? Uids { get; init; }

    public IReadOnlyList<ushort>? Values { get; init; }

    public ulong VersionKey { get; init; }

    public ulong LastUpdate { get; init; }

    /// <summary>An extrinsic's whole signing payload as hex (kind <c>extrinsic</c>).</summary>
    public string? Payload { get; init; }
}
