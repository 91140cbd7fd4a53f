namespace Sn19.Actors.Signing;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Who may sign what. A request is allowed when, in this order: its client is known and its token hashes to
/// the stored hash (compared in constant time; an unknown client is compared against a dummy hash so both
/// cases take the same time), its kind is one the signer knows, the client holds the hotkey and the kind.
/// </summary>
internal sealed class SignerPolicy
{
    private static readonly byte[] DummyHash = SHA256.HashData("sn19 signer: no such client"u8);

    private readonly Dictionary<string, Grant> _grants = new(StringComparer.Ordinal);

    public SignerPolicy(IEnumerable<SignerGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        foreach (var grant in grants)
        {
            if (string.IsNullOrWhiteSpace(grant.Name))
            {
                throw new ArgumentException("a client has no name", nameof(grants));
            }

            if (grant.TokenSha256.Length != 64 || !IsHex(grant.TokenSha256))
            {
                throw new ArgumentException($"client '{grant.Name}': tokenSha256 must be 64 hex digits", nameof(grants));
            }

            foreach (var kind in grant.Kinds)
            {
                if (!SignKinds.IsSigningKind(kind))
                {
                    throw new ArgumentException(
                        $"client '{grant.Name}': unknown kind '{kind}' (known: {SignKinds.RequestEnvelope}, {SignKinds.Weights}, {SignKinds.Extrinsic}, {SignKinds.FiberRequest})",
                        nameof(grants));
                }
            }

            if (!_grants.TryAdd(grant.Name, new Grant(Convert.FromHexString(grant.TokenSha256), [.. grant.Hotkeys], [.. grant.Kinds])))
            {
                throw new ArgumentException($"client '{grant.Name}' is listed twice", nameof(grants));
            }
        }
    }

    public int ClientCount => _grants.Count;

    /// <summary>Every hotkey some client may use: the signer loads exactly these key files.</summary>
    public IReadOnlySet<string> Hotkeys => _grants.Values.SelectMany(g => g.Hotkeys).ToHashSet(StringComparer.Ordinal);

    public SignerDecision Decide(string? client, string? token, string? kind, string? hotkey)
    {
        var known = _grants.TryGetValue(client ?? string.Empty, out var grant);
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty));
        var matches = CryptographicOperations.FixedTimeEquals(presented, known ? grant!.TokenHash : DummyHash);
        if (!known)
        {
            return new SignerDecision(SignRefusal.Unauthenticated, "unknown client");
        }

        if (!matches)
        {
            return new SignerDecision(SignRefusal.Unauthenticated, "wrong token");
        }

        if (!SignKinds.IsSigningKind(kind) && kind != SignKinds.Address)
        {
            return new SignerDecision(SignRefusal.UnknownKind, "unknown kind");
        }

        if (hotkey is null || !grant!.Hotkeys.Contains(hotkey))
        {
            return new SignerDecision(SignRefusal.NotPermitted, "hotkey not granted to this client");
        }

        if (kind != SignKinds.Address && !grant.Kinds.Contains(kind!))
        {
            return new SignerDecision(SignRefusal.NotPermitted, "kind not granted to this client");
        }

        return SignerDecision.Allow;
    }

    private static bool IsHex(string text) => text.All(Uri.IsHexDigit);

    private sealed record Grant(byte[] TokenHash, HashSet<string> Hotkeys, HashSet<string> Kinds);
}
