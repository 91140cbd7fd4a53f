namespace Sn19.Actors.Subnet.Weights;

/// <summary>
/// Runs the round for a closed period now and answers with its <see cref="WeightHistoryEntry"/>. Idempotent per
/// period: asked again (a coordinator that took over after a failover, or an ask that timed out and arrived late),
/// the weight setter answers with the round it journaled and submits nothing.
/// </summary>
public sealed record SetWeightsNow(long Period) : WeightSetterMessage;
