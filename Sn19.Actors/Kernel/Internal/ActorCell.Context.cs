namespace Sn19.Actors.Kernel.Internal;

using System.Text.Json;

/// <summary>The <see cref="IActorContext{TMessage}"/> half: children, death watch, stop, introspection.</summary>
internal sealed partial class ActorCell<TMessage>
{
    public IReadOnlyCollection<ActorRef> Children => [.. _children.Values.Select(c => c.Ref)];

    public ActorRef<TChild> Spawn<TChild>(string name, Func<Actor<TChild>> factory, ActorOptions? options = null)
        where TChild : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (_closed)
        {
            throw new InvalidOperationException($"{Path} is stopping and cannot spawn '{name}'.");
        }

        var child = new ActorCell<TChild>(System, this, Path.Child(name), factory, options);
        if (!_children.TryAdd(name, child))
        {
            throw new InvalidOperationException($"{Path} already has a child named '{name}'.");
        }

        child.Start();
        return child.Self;
    }

    public bool TryGetChild<TChild>(string name, out ActorRef<TChild> child)
        where TChild : class
    {
        if (_children.TryGetValue(name, out var cell) && cell.Ref is ActorRef<TChild> typed)
        {
            child = typed;
            return true;
        }

        child = null!;
        return false;
    }

    public IActorCell? FindChild(string name) => _children.TryGetValue(name, out var cell) ? cell : null;

    public void Watch(ActorRef other)
    {
        var cell = CellOf(other);
        lock (_watching)
        {
            _watching.Add(cell);
        }

        cell.AddWatcher(this);
    }

    public void Unwatch(ActorRef other)
    {
        var cell = CellOf(other);
        lock (_watching)
        {
            _watching.Remove(cell);
        }

        cell.RemoveWatcher(this);
    }

    public void Stop() => CloseMailbox();

    public async Task StopAsync(ActorRef actor, CancellationToken cancellationToken)
    {
        var cell = CellOf(actor);
        cell.RequestStop();
        await cell.Completion.WaitAsync(cancellationToken);
    }

    public void AddWatcher(IActorCell watcher)
    {
        lock (_watchers)
        {
            if (_stopReason is null)
            {
                _watchers.Add(watcher);
                return;
            }
        }

        watcher.Signal(new Terminated(Path, _stopReason.Value, _failure));
    }

    public void RemoveWatcher(IActorCell watcher)
    {
        lock (_watchers)
        {
            _watchers.Remove(watcher);
        }
    }

    public void RemoveChild(IActorCell child) =>
        _children.TryRemove(new KeyValuePair<string, IActorCell>(child.Path.Name, child));

    public async Task<ActorInfo> DescribeAsync(TimeSpan summaryDeadline, CancellationToken cancellationToken)
    {
        JsonElement? summary = null;
        var status = Status;
        if (status is not (ActorStatus.Stopping or ActorStatus.Stopped or ActorStatus.Passivated) && !_closed)
        {
            var request = new DescribeSignal(new TaskCompletionSource<JsonElement?>(
                TaskCreationOptions.RunContinuationsAsynchronously));
            Signal(request);
            try
            {
                summary = await request.Reply.Task.WaitAsync(summaryDeadline, Time, cancellationToken);
            }
            catch (TimeoutException)
            {
                summary = null;
            }
        }

        var persistence = _instance as IPersistenceInfo;
        var lastTimestamp = Volatile.Read(ref _lastMessageTimestamp);
        return new ActorInfo(
            Path.ToString(),
            ActorTypeName(),
            Status,
            Math.Max(0, _mailbox.Reader.Count),
            _capacity,
            Volatile.Read(ref _restarts),
            lastTimestamp == NoMessageYet ? null : Time.GetUtcNow() - Time.GetElapsedTime(lastTimestamp),
            persistence?.PersistenceId,
            persistence?.LastSequenceNr,
            _children.Count,
            summary);
    }

    private string ActorTypeName()
    {
        var type = _instance?.GetType();
        return type is null ? $"Actor<{typeof(TMessage).Name}>" : type.Name;
    }

    private JsonElement? SummaryOrNull()
    {
        if (_instance is not IIntrospectable introspectable)
        {
            return null;
        }

        try
        {
            var summary = introspectable.Summary();
            return JsonSerializer.SerializeToElement(summary, summary.GetType(), SummaryJson.Options);
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or InvalidOperationException)
        {
            KernelLog.HookFailed(Logger, Path.ToString(), nameof(IIntrospectable.Summary), error);
            return null;
        }
    }

    private static IActorCell CellOf(ActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor switch
        {
            ICellRef local => local.Cell,
            _ => throw new ArgumentException($"{actor.Path} is not a local actor.", nameof(actor)),
        };
    }
}
