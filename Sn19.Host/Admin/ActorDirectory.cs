namespace Sn19.Host.Admin;

using System.Text.Json;
using Akka.Actor;
using Sn19.Actors.Hosting;

/// <summary>
/// Reads a node's live actors under <c>/user</c> and <c>/system/sharding</c> (the shard regions and the entities
/// this node hosts) from Akka's own tree: each local actor's cell gives its type
/// (from its props), mailbox depth and children; actors that implement <see cref="IDescribedActor"/> are asked
/// for their <see cref="ActorDescription"/>, all at once, each within the summary deadline.
/// </summary>
internal sealed class ActorDirectory(ActorSystem system, TimeSpan summaryTimeout)
{
    public string SystemName => system.Name;

    /// <summary>Every actor whose path starts with <paramref name="prefix"/> (all when null), in path order.</summary>
    public async Task<IReadOnlyList<ActorInfo>> DescribeAsync(string? prefix, CancellationToken cancellationToken)
    {
        var matching = Live()
            .Where(a => prefix is null || PathOf(a).StartsWith(prefix.TrimEnd('/'), StringComparison.Ordinal))
            .OrderBy(PathOf, StringComparer.Ordinal);
        return await Task.WhenAll(matching.Select(a => InfoAsync(a, cancellationToken)));
    }

    /// <summary>The actor at exactly <paramref name="path"/>, or null when none is alive there; only it is asked.</summary>
    public async Task<ActorInfo?> DescribeOneAsync(string path, CancellationToken cancellationToken) =>
        Live().FirstOrDefault(a => PathOf(a) == path.TrimEnd('/')) is { } actor ? await InfoAsync(actor, cancellationToken) : null;

    private List<ActorRefWithCell> Live()
    {
        var found = new List<ActorRefWithCell>();
        var extended = (ExtendedActorSystem)system;
        Walk(extended.Guardian, found);
        if (extended.SystemGuardian is ActorRefWithCell systemGuardian && systemGuardian.GetSingleChild("sharding") is ActorRefWithCell sharding)
        {
            found.Add(sharding);
            Walk(sharding, found);
        }

        return found;
    }

    private static void Walk(IActorRef parent, List<ActorRefWithCell> found)
    {
        if (parent is not ActorRefWithCell cell)
        {
            return;
        }

        foreach (var child in cell.Children)
        {
            if (child is ActorRefWithCell withCell)
            {
                found.Add(withCell);
                Walk(withCell, found);
            }
        }
    }

    private static string PathOf(IActorRef actor) => actor.Path.ToStringWithoutAddress();

    private async Task<ActorInfo> InfoAsync(ActorRefWithCell actor, CancellationToken cancellationToken)
    {
        var cell = actor.Underlying;
        var type = cell.Props.Type;
        var description = typeof(IDescribedActor).IsAssignableFrom(type) ? await AskAsync(actor, cancellationToken) : null;
        return new ActorInfo(
            PathOf(actor),
            type.Name,
            cell.IsTerminated ? "stopped" : "running",
            cell.NumberOfMessages,
            actor.Children.Count(),
            description?.PersistenceId,
            description?.SequenceNr,
            description?.Summary is { } summary ? JsonSerializer.SerializeToElement(summary, summary.GetType(), AdminJson.Options) : null);
    }

    private async Task<ActorDescription?> AskAsync(IActorRef actor, CancellationToken cancellationToken)
    {
        try
        {
            return await actor.Ask<ActorDescription>(DescribeActor.Instance, summaryTimeout, cancellationToken);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }
}
