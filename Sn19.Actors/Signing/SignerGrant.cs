namespace Sn19.Actors.Signing;

/// <summary>
/// One client of the signer: its name, the SHA-256 (hex) of its token, the hotkeys (<c>WALLET/HOTKEY</c>)
/// it may sign with and the kinds it may ask for. The token itself is never stored by the signer.
/// </summary>
public sealed record SignerGrant
{
    public required string Name { get; init; }

    public required string TokenSha256 { get; init; }

    public IReadOnlyList<string> Hotkeys { get; init; } = [];

    public IReadOnlyList<string> Kinds { get; init; } = [];
}
