namespace Sn19.Actors.Organic;

using Akka.Actor;
using Akka.Cluster;

/// <summary>
/// Names the gateway node that holds a reservation: its cluster address with the incarnation's uid, so a node
/// restarted on the same port is a different owner. A reservation whose owner is no longer a member can never
/// be settled (that process is gone) and is released.
/// </summary>
internal static class GatewayOwner
{
    /// <summary>This node's owner name; "local" outside a cluster (there the owner is this process).</summary>
    public static string Of(ActorSystem system) =>
        system is ExtendedActorSystem { Provider: IClusterActorRefProvider } ? Name(Cluster.Get(system).SelfUniqueAddress) : "local";

    /// <summary>Whether <paramref name="owner"/> is still a member (in any state, unreachable included: it may come back).</summary>
    public static bool IsMember(ActorSystem system, string owner)
    {
        if (system is not ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            return owner == "local";
        }

        var cluster = Cluster.Get(system);
        return Name(cluster.SelfUniqueAddress) == owner || cluster.State.Members.Any(m => Name(m.UniqueAddress) == owner);
    }

    private static string Name(UniqueAddress address) => $"{address.Address}#{address.Uid}";
}
