namespace Sn19.Actors.Kernel;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Kernel.Internal;

/// <summary>
/// A tree of actors under <c>/user</c>, one per process (or per test). Top-level actors are spawned here;
/// deeper ones through <see cref="IActorContext{TMessage}.Spawn{TChild}"/>. <see cref="ShutdownAsync"/> stops
/// the tree children-first, letting every actor finish the messages it already accepted.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell<GuardianActor.Nothing> _guardian;
    private readonly CancellationTokenSource _hardStop = new();
    private readonly ITimer _clock;
    private long _coarseTimestamp;

    private ActorSystem(string name, ActorSystemOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        Name = name;
        Options = options;
        Time = time;
        Logger = loggers.CreateLogger("Sn19.Actors.Kernel");
        _coarseTimestamp = time.GetTimestamp();
        _clock = time.CreateTimer(
            static state => ((ActorSystem)state!).TickClock(), this, ClockResolution, ClockResolution);
        _guardian = new ActorCell<GuardianActor.Nothing>(
            this, null, ActorPath.User, static () => new GuardianActor(), new ActorOptions { PassivateAfter = TimeSpan.Zero });
        _guardian.Start();
    }

    /// <summary>How often the coarse clock that stamps messages ticks; reading a field per message instead of the
    /// clock keeps tell throughput close to a bare channel's with thousands of actors.</summary>
    public static TimeSpan ClockResolution { get; } = TimeSpan.FromMilliseconds(50);

    public string Name { get; }

    public ActorSystemOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>Completes once the whole tree has stopped.</summary>
    public Task WhenTerminated => _guardian.Completion;

    internal ILogger Logger { get; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> as of the last clock tick.</summary>
    internal long CoarseTimestamp => Volatile.Read(ref _coarseTimestamp);

    /// <summary>Cancelled only when graceful shutdown runs past its timeout; handlers should honour it.</summary>
    internal CancellationToken HardStopToken => _hardStop.Token;

    public static ActorSystem Create(
        string name, ActorSystemOptions? options = null, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        options ??= new ActorSystemOptions();
        options.Validate();
        return new ActorSystem(name, options, time ?? TimeProvider.System, loggers ?? NullLoggerFactory.Instance);
    }

    /// <summary>Spawns a top-level actor at <c>/user/NAME</c>; throws if the name is taken.</summary>
    public ActorRef<TMessage> Spawn<TMessage>(string name, Func<Actor<TMessage>> factory, ActorOptions? options = null)
        where TMessage : class =>
        _guardian.Spawn(name, factory, options);

    /// <summary>Finds a live actor by its full path, e.g. <c>/user/subnet/contenders</c>.</summary>
    public ActorRef? Find(string path)
    {
        var cell = FindCell(path);
        return cell is null || cell == (IActorCell)_guardian ? null : cell.Ref;
    }

    public bool TryFind<TMessage>(string path, out ActorRef<TMessage> actor)
        where TMessage : class
    {
        if (Find(path) is ActorRef<TMessage> typed)
        {
            actor = typed;
            return true;
        }

        actor = null!;
        return false;
    }

    /// <summary>
    /// Describes every actor whose path equals or lies under <paramref name="pathPrefix"/> (all when null),
    /// in path order. Each summary is asked of the actor's own loop and waits at most
    /// <paramref name="summaryDeadline"/>; a busy actor is listed without one.
    /// </summary>
    public async Task<IReadOnlyList<ActorInfo>> DescribeAsync(
        string? pathPrefix, TimeSpan summaryDeadline, CancellationToken cancellationToken)
    {
        var cells = new List<IActorCell>();
        var pending = new Stack<IActorCell>(_guardian.ChildCells);
        while (pending.Count > 0)
        {
            var cell = pending.Pop();
            if (pathPrefix is null || cell.Path.IsUnder(pathPrefix))
            {
                cells.Add(cell);
            }

            foreach (var child in cell.ChildCells)
            {
                pending.Push(child);
            }
        }

        var infos = await Task.WhenAll(cells.Select(c => c.DescribeAsync(summaryDeadline, cancellationToken)));
        return [.. infos.OrderBy(i => i.Path, StringComparer.Ordinal)];
    }

    /// <summary>Describes one actor; null when there is no live actor at <paramref name="path"/>.</summary>
    public async Task<ActorInfo?> DescribeOneAsync(string path, TimeSpan summaryDeadline, CancellationToken cancellationToken)
    {
        var cell = FindCell(path);
        if (cell is null || cell == (IActorCell)_guardian)
        {
            return null;
        }

        return await cell.DescribeAsync(summaryDeadline, cancellationToken);
    }

    /// <summary>
    /// Ordered graceful stop of the whole tree. If it takes longer than <see cref="ActorSystemOptions.ShutdownTimeout"/>
    /// the token handed to handlers is cancelled; <paramref name="cancellationToken"/> does the same at once.
    /// </summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        _guardian.RequestStop();
        try
        {
            await _guardian.Completion.WaitAsync(Options.ShutdownTimeout, Time, cancellationToken);
        }
        catch (Exception error) when (error is TimeoutException or OperationCanceledException)
        {
            KernelLog.ShutdownTimedOut(Logger, Name, Options.ShutdownTimeout);
            await _hardStop.CancelAsync();
            await _guardian.Completion;
        }

        _clock.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await ShutdownAsync(CancellationToken.None);
        await _clock.DisposeAsync();
        _hardStop.Dispose();
    }

    private void TickClock() => Volatile.Write(ref _coarseTimestamp, Time.GetTimestamp());

    private IActorCell? FindCell(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0] != ActorPath.User.Name)
        {
            return null;
        }

        IActorCell? cell = _guardian;
        foreach (var name in parts.Skip(1))
        {
            cell = cell.FindChild(name);
            if (cell is null)
            {
                return null;
            }
        }

        return cell;
    }
}
