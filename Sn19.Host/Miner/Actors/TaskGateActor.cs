namespace Sn19.Host.Miner.Actors;

using Akka.Actor;
using Sn19.Actors.Hosting;

/// <summary>
/// One per served task: the backend's admission queue. At most <c>concurrency</c> requests hold a slot (they
/// generate), at most <c>max-queue</c> wait in order; any more are refused at once, so the validator sees a
/// 429 instead of a timeout. A slot passes to the oldest waiter when its holder leaves.
/// </summary>
internal sealed class TaskGateActor : ReceiveActor, IDescribedActor
{
    private readonly int _concurrency;
    private readonly int _maxQueue;
    private readonly HashSet<long> _holding = [];
    private readonly LinkedList<(long RequestId, IActorRef ReplyTo)> _waiting = new();
    private long _refused;

    public TaskGateActor(int concurrency, int maxQueue)
    {
        _concurrency = concurrency;
        _maxQueue = maxQueue;
        Receive<EnterGate>(Enter);
        Receive<LeaveGate>(Leave);
        Receive<DescribeActor>(_ => Sender.Tell(new ActorDescription(new
        {
            holding = _holding.Count, waiting = _waiting.Count, concurrency = _concurrency, maxQueue = _maxQueue, refused = _refused,
        })));
    }

    public static Props Props(int concurrency, int maxQueue) => Akka.Actor.Props.Create(() => new TaskGateActor(concurrency, maxQueue));

    private void Enter(EnterGate enter)
    {
        if (_holding.Count < _concurrency)
        {
            _holding.Add(enter.RequestId);
            Sender.Tell(new GateEntered(enter.RequestId));
        }
        else if (_waiting.Count < _maxQueue)
        {
            _waiting.AddLast((enter.RequestId, Sender));
        }
        else
        {
            _refused++;
            Sender.Tell(new GateFull(enter.RequestId));
        }
    }

    private void Leave(LeaveGate leave)
    {
        if (!_holding.Remove(leave.RequestId))
        {
            // Still waiting: it gave up before its turn.
            for (var node = _waiting.First; node is not null; node = node.Next)
            {
                if (node.Value.RequestId == leave.RequestId)
                {
                    _waiting.Remove(node);
                    return;
                }
            }

            return;
        }

        if (_waiting.First is { } next)
        {
            _waiting.RemoveFirst();
            _holding.Add(next.Value.RequestId);
            next.Value.ReplyTo.Tell(new GateEntered(next.Value.RequestId));
        }
    }
}
