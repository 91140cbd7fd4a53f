namespace Sn19.Actors.Subnet.Metagraphs;

using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Sn19.Actors.Hosting;

/// <summary>
/// Keeps a node's <see cref="MetagraphWatcher"/> current in a validator cluster: takes every metagraph the metagraph
/// singleton publishes (on whichever node it runs), so the node never reads the chain for it on its own.
/// </summary>
internal sealed class MetagraphSubscriberActor : ReceiveActor, IDescribedActor
{
    private long _taken;

    public MetagraphSubscriberActor(MetagraphWatcher watcher, string topic)
    {
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(topic, Self));
        Receive<SubscribeAck>(_ => { });
        Receive<MetagraphPublished>(published =>
        {
            if (watcher.Accept(published.Metagraph))
            {
                _taken++;
            }
        });
        Receive<DescribeActor>(_ => Sender.Tell(new ActorDescription(new
        {
            block = watcher.Current.Metagraph.Block, neurons = watcher.Current.Metagraph.Neurons.Count, taken = _taken,
        })));
    }

    public static Props Props(MetagraphWatcher watcher, string topic) => Akka.Actor.Props.Create(() => new MetagraphSubscriberActor(watcher, topic));
}
