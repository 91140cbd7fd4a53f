namespace Sn19.Actors.Kernel.Internal;

/// <summary>The untyped view of a cell that parents, watchers and the system use.</summary>
internal interface IActorCell
{
    ActorPath Path { get; }

    ActorRef Ref { get; }

    Task Completion { get; }

    StopReason? StopReason { get; }

    Exception? Failure { get; }

    IEnumerable<IActorCell> ChildCells { get; }

    IActorCell? FindChild(string name);

    /// <summary>Graceful stop: close the mailbox, process what it holds, stop children, then itself.</summary>
    void RequestStop();

    /// <summary>Queues a signal; never dropped for a full mailbox (dropped only once the cell is stopping).</summary>
    void Signal(ActorSignal signal);

    void AddWatcher(IActorCell watcher);

    void RemoveWatcher(IActorCell watcher);

    void RemoveChild(IActorCell child);

    Task<ActorInfo> DescribeAsync(TimeSpan summaryDeadline, CancellationToken cancellationToken);
}
