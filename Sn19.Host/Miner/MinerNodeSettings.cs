namespace Sn19.Host.Miner;

using Sn19.Actors.Wire;

/// <summary>Everything a <see cref="MinerNode"/> needs, resolved from configuration by the command that starts it.</summary>
internal sealed record MinerNodeSettings(
    string Hotkey,
    HostPort Listen,
    TimeSpan Period,
    EnvelopeOptions Envelope,
    IReadOnlyDictionary<string, ServedTask> Tasks,
    TimeProvider Time);
