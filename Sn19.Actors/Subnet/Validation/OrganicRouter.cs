namespace Sn19.Actors.Subnet.Validation;

using Akka.Actor;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Serves an organic request: the task actor picks the miner (<see cref="OrganicRouting"/>) and the query
/// id, the <see cref="QuerySender"/> sends and books it like any query; on a failure the next miner is
/// tried, up to <see cref="OrganicRouting.Attempts"/> tries. The organic API and <c>sn19 simulate</c>'s
/// scripted users both come through here.
/// </summary>
internal sealed class OrganicRouter(ValidatorSettings settings, IReadOnlyDictionary<string, IActorRef> tasks, QuerySender sender)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The tasks organic requests can name.</summary>
    public IEnumerable<TaskDefinition> Tasks => settings.Tasks.Enabled.Where(t => tasks.ContainsKey(t.Id));

    public async Task<OrganicOutcome> ServeAsync(string taskId, TextRequest request, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (settings.Tasks.FindEnabled(taskId) is not { } task || !tasks.TryGetValue(taskId, out var taskActor))
        {
            return new OrganicOutcome(null, null, null, 0);
        }

        var tried = new HashSet<string>(StringComparer.Ordinal);
        OrganicOutcome last = new(null, null, null, 0);
        while (tried.Count < attempts)
        {
            var route = await taskActor.Ask<OrganicRoute>(new RouteOrganic(tried.ToHashSet(StringComparer.Ordinal)), AskTimeout, cancellationToken);
            if (route.Hotkey is not { } hotkey)
            {
                break;
            }

            tried.Add(hotkey);
            var ticket = new QueryTicket(taskId, hotkey, route.Period, route.QueryId, route.At, Organic: true);
            var (outcome, result) = await sender.SendAsync(task, ticket, request, taskActor, cancellationToken);
            last = new OrganicOutcome(hotkey, outcome, result, tried.Count);
            if (last.Served)
            {
                break;
            }
        }

        return last with { Tries = tried.Count };
    }
}
