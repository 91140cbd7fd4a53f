namespace Sn19.Actors.Subnet.Validation;

using Akka.Actor;
using Akka.Cluster;
using Sn19.Actors.Cluster;

/// <summary>
/// Where a task's live actor is, for organic routing. Alone, it is this node's. In a cluster the periods run
/// on the node that hosts the period coordinator (a singleton on the oldest <c>scoring</c> member), so that
/// node's task actor is the one with the open period and the contenders' view: an organic node routes
/// through it by path. During a hand-over the old path stops answering and the request gets 503 for a moment.
/// </summary>
internal sealed class TaskLocator(ActorSystem system, IReadOnlyDictionary<string, IActorRef> local, bool clustered)
{
    public ICanTell? Locate(string taskId)
    {
        if (!local.TryGetValue(taskId, out var own))
        {
            return null;
        }

        if (!clustered)
        {
            return own;
        }

        var cluster = Akka.Cluster.Cluster.Get(system);
        Member? oldest = null;
        foreach (var member in cluster.State.Members)
        {
            if (member.Status == MemberStatus.Up && member.HasRole(ClusterRoles.Scoring) && (oldest is null || member.IsOlderThan(oldest)))
            {
                oldest = member;
            }
        }

        return oldest is null || oldest.Address == cluster.SelfAddress
            ? own
            : system.ActorSelection(new RootActorPath(oldest.Address) / "user" / own.Path.Name);
    }
}
