namespace Sn19.Actors.Subnet.Validation;

using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Wire.Queries;

/// <summary>What a validator node runs with, resolved from configuration by the command that starts it.</summary>
/// <param name="Hotkey">The validator's hotkey (SS58); it signs through an <c>IHotkeySigner</c>.</param>
/// <param name="Seed">Seeds every draw (share to test, first offsets, synthetic prompts, check positions).</param>
/// <param name="MaxConcurrentQueries">Queries in flight at once; more wait in the dispatcher's queue.</param>
/// <param name="CapacityTimeout">How long a miner has to answer <c>/v1/capacity</c>.</param>
internal sealed record ValidatorSettings(
    string Hotkey,
    MechanismOptions Mechanism,
    TaskRegistry Tasks,
    SyntheticOptions Synthetics,
    QueryTimeouts Timeouts,
    LlmCheckOptions Checks,
    long Seed,
    int MaxConcurrentQueries,
    TimeSpan CapacityTimeout)
{
    /// <summary>How often each node of a cluster reads the metagraph from the chain.</summary>
    public TimeSpan MetagraphRefresh { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>How long an API key's credit may stay reserved for one request before it is released unsettled.</summary>
    public TimeSpan ReservationHold { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Which miners are queried over fiber 2.x (Nineteen's miners) instead of Sn19's envelope.</summary>
    public Wire.Fiber.FiberOptions Fiber { get; init; } = new();
}
