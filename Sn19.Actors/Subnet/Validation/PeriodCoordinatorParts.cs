namespace Sn19.Actors.Subnet.Validation;

using Akka.Actor;
using Akka.Streams;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Metagraphs;

/// <summary>What the period coordinator drives, and whom it tells.</summary>
/// <param name="Periods">Periods to run before stopping; null runs until the node stops.</param>
/// <param name="Closed">Called with each closed period's report, inside the coordinator (the next period waits).</param>
/// <param name="Waiting">Called before waiting for a period to start.</param>
/// <param name="Finished">Called once <paramref name="Periods"/> have closed.</param>
internal sealed record PeriodCoordinatorParts(
    ValidatorSettings Settings,
    MetagraphWatcher Metagraph,
    IMinerLine Miners,
    IContenderGateway Contenders,
    CheckQueue Checks,
    IReadOnlyDictionary<string, IActorRef> Tasks,
    IActorRef Weights,
    IMaterializer Materializer,
    ILogger Logger,
    int? Periods,
    Func<PeriodReport, Task> Closed,
    Action<long, DateTimeOffset>? Waiting,
    Action Finished);
