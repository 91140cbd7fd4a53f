namespace Sn19.Actors.Kernel.Internal;

internal sealed class LocalActorRef<TMessage> : ActorRef<TMessage>, ICellRef
    where TMessage : class
{
    private readonly ActorCell<TMessage> _cell;

    public LocalActorRef(ActorCell<TMessage> cell)
        : base(cell.Path) => _cell = cell;

    IActorCell ICellRef.Cell => _cell;

    public override Task Stopped => _cell.Completion;

    private protected override TimeProvider Time => _cell.System.Time;

    public override TellResult Tell(TMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _cell.Post(message);
    }

    public override ValueTask<TellResult> TellAsync(TMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _cell.PostAsync(message, cancellationToken);
    }
}
