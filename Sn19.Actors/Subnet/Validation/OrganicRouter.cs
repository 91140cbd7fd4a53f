namespace Sn19.Actors.Subnet.Validation;

using Akka.Actor;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// Serves an organic request: the task actor picks the miner (<see cref="OrganicRouting"/>) and the query
/// id, the <see cref="QuerySender"/> sends and books it like any query; on a failure the next miner is
/// tried, up to <paramref name="attempts"/> tries, but only while nothing reached the user. The organic API
/// (with a relay streaming to its user) and <c>sn19 simulate</c>'s scripted users both come through here.
/// </summary>
internal sealed class OrganicRouter(ValidatorSettings settings, TaskLocator tasks, QuerySender sender)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The tasks organic requests can name.</summary>
    public IEnumerable<TaskDefinition> Tasks => settings.Tasks.Enabled.Where(t => tasks.Locate(t.Id) is not null);

    public async Task<OrganicOutcome> ServeAsync(
        string taskId, TextRequest request, int attempts, IQueryRelay? relay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (settings.Tasks.FindEnabled(taskId) is not { } task || tasks.Locate(taskId) is not { } taskActor)
        {
            return new OrganicOutcome(null, null, null, 0);
        }

        var tried = new HashSet<string>(StringComparer.Ordinal);
        OrganicOutcome last = new(null, null, null, 0);
        while (tried.Count < attempts)
        {
            var route = await taskActor.Ask<OrganicRoute>(new RouteOrganic(tried.ToArray()), AskTimeout, cancellationToken);
            if (route.Hotkey is not { } hotkey)
            {
                break;
            }

            tried.Add(hotkey);
            relay?.StartAttempt();
            var ticket = new QueryTicket(taskId, hotkey, route.Period, route.QueryId, route.At, Organic: true);
            var (outcome, result) = await sender.SendAsync(task, ticket, request, route.Task ?? taskActor as IActorRef ?? ActorRefs.Nobody, relay, cancellationToken);
            last = new OrganicOutcome(hotkey, outcome, result, tried.Count);
            if (last.Served || relay is { HasRelayed: true })
            {
                break;
            }
        }

        return last with { Tries = tried.Count };
    }
}
