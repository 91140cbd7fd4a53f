namespace Sn19.Host.Miner;

using Sn19.Actors.Wire;

/// <summary>Everything a <see cref="MinerNode"/> needs, resolved from configuration by the command that starts it.</summary>
internal sealed record MinerNodeSettings(
    string Hotkey,
    HostPort Listen,
    TimeSpan Period,
    EnvelopeOptions Envelope,
    IReadOnlyDictionary<string, ServedTask> Tasks,
    TimeProvider Time)
{
    /// <summary>Serve fiber 2.x beside Sn19's envelope, for Nineteen's validators (<c>wire.fiber.serve</c>).</summary>
    public bool ServeFiber { get; init; } = true;

    /// <summary>Where fiber's symmetric keys are kept across restarts (null: memory only), and the file's Fernet key
    /// (null: fiber's default derivation).</summary>
    public string? FiberKeyFile { get; init; }

    public string? FiberStorageKey { get; init; }
}
