namespace Sn19.Tests.Actors.Subnet.Contenders;

using Akka.Actor;

/// <summary>Watches one actor; answers <see cref="Query"/> with true once it has stopped (waiting for that if need be).</summary>
internal sealed class DeathWatcher : ReceiveActor
{
    private readonly List<IActorRef> _waiting = [];
    private bool _stopped;

    public DeathWatcher(IActorRef target)
    {
        Context.Watch(target);
        Receive<Terminated>(_ =>
        {
            _stopped = true;
            _waiting.ForEach(w => w.Tell(true));
            _waiting.Clear();
        });
        Receive<Query>(_ =>
        {
            if (_stopped)
            {
                Sender.Tell(true);
            }
            else
            {
                _waiting.Add(Sender);
            }
        });
    }

    public sealed record Query
    {
        public static Query Instance { get; } = new();
    }
}
