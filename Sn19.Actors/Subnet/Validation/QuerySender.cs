namespace Sn19.Actors.Subnet.Validation;

using System.Text.Json;
using Akka.Actor;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Telemetry;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// Sends one query, synthetic or organic, and books it the same way for both: classify what the wire saw,
/// record the outcome in the contender, tell the task actor (its capacity view and totals), and offer a
/// successful result for a quality check. Returns the result too, for an organic caller to relay.
/// With a relay (an organic request whose user is waiting) the booking runs on after the answer is returned,
/// so the user's response never waits for the contender's journal write.
/// </summary>
internal sealed class QuerySender(IMinerLine miners, IContenderGateway contenders, CheckQueue checks, MechanismOptions mechanism, ILogger logger)
{
    public async Task<(QueryOutcome Outcome, QueryResult Result)> SendAsync(
        TaskDefinition task, QueryTicket ticket, TextRequest payload, IActorRef taskActor, IQueryRelay? relay, CancellationToken cancellationToken)
    {
        using var scope = ContenderLogScope.Begin(logger, ticket.Hotkey, ticket.TaskId, ticket.QueryId);
        var result = await miners.QueryAsync(ticket.Hotkey, payload, relay, cancellationToken);
        var outcome = OutcomeClassifier.Classify(QueryObservations.From(result, payload.MaxTokens), mechanism.CharactersPerToken);
        ValidatorLog.Queried(logger, ticket.QueryId, ticket.TaskId, ticket.Hotkey, outcome.Kind.ToString(), result.Failure ?? "");
        Sn19Metrics.Query(ticket.TaskId, ticket.Organic, outcome);
        var booking = BookAsync(task, ticket, payload, taskActor, result, outcome, relay is null ? cancellationToken : CancellationToken.None);
        if (relay is null)
        {
            await booking;
        }
        else
        {
            _ = booking.ContinueWith(
                failed => ValidatorLog.BookingFailed(logger, ticket.QueryId, ticket.Hotkey, failed.Exception!.GetBaseException().Message),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        return (outcome, result);
    }

    private async Task BookAsync(
        TaskDefinition task, QueryTicket ticket, TextRequest payload, IActorRef taskActor, QueryResult result, QueryOutcome outcome,
        CancellationToken cancellationToken)
    {
        await contenders.RecordAsync(new ContenderKey(ticket.Hotkey, ticket.TaskId), ticket.QueryId, ticket.At, ticket.Organic, outcome, cancellationToken);
        taskActor.Tell(new QueryCompleted(ticket.Hotkey, ticket.Organic, outcome.Kind, outcome.Work, ticket.At));
        if (outcome.Kind == QueryOutcomeKind.Ok)
        {
            checks.Offer(new CheckCandidate(
                ticket.Hotkey, ticket.TaskId, task.Model, ticket.QueryId, ticket.At,
                JsonSerializer.Serialize(payload), JsonSerializer.Serialize(result.Chunks)));
        }
    }
}
