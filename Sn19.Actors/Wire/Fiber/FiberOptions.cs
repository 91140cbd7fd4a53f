namespace Sn19.Actors.Wire.Fiber;

using Microsoft.Extensions.Configuration;

/// <summary>
/// The <c>wire.fiber</c> section (hocon/defaults/wire.conf): whether a miner also serves fiber 2.x, the wire Nineteen's
/// validators speak, and which miners a validator speaks fiber to (Nineteen's own miners) instead of Sn19's envelope.
/// </summary>
public sealed class FiberOptions
{
    public const string Section = "wire:fiber";

    /// <summary>A miner serves fiber's handshake and encrypted endpoints beside Sn19's.</summary>
    public bool Serve { get; set; } = true;

    /// <summary>Where a miner keeps validators' symmetric keys (fiber's format); empty: <c>node.data-dir</c>/fiber/HOTKEY_symmetric_keys.encrypted.
    /// The file is encrypted under the environment's <c>STORAGE_ENCRYPTION_KEY</c>, as fiber's, else fiber's default key.</summary>
    [ConfigurationKeyName("key-file")]
    public string KeyFile { get; set; } = string.Empty;

    /// <summary>Miner hotkeys (SS58) a validator queries over fiber.</summary>
    public List<string> Peers { get; set; } = [];

    /// <summary>A validator queries every miner over fiber.</summary>
    [ConfigurationKeyName("every-peer")]
    public bool EveryPeer { get; set; }

    public bool SpeaksFiberTo(string minerHotkey) => EveryPeer || Peers.Contains(minerHotkey, StringComparer.Ordinal);

    /// <summary>Names the first bad value, or null.</summary>
    public string? Validate() =>
        Peers.FirstOrDefault(p => !WireAddress.IsValid(p)) is { } bad ? $"wire.fiber.peers: '{bad}' is not an SS58 hotkey address" : null;
}
