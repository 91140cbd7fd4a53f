namespace Sn19.Actors.Kernel.Internal;

using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

/// <summary>
/// INTERNAL: the runtime half of an actor: mailbox, loop, children, watchers, supervision, passivation.
/// One loop task per cell processes one item at a time, so the actor instance is never touched concurrently.
/// The mailbox holds <typeparamref name="TMessage"/> items plus null wake-ups that tell the loop to look at the
/// signal queue (signals live outside the bounded mailbox so a full mailbox cannot lose them).
/// </summary>
internal sealed partial class ActorCell<TMessage> : IActorCell, IActorContext<TMessage>
    where TMessage : class
{
    private const long NoMessageYet = long.MinValue;
    private readonly IActorCell? _parent;
    private readonly Func<Actor<TMessage>> _factory;
    private readonly Channel<TMessage?> _mailbox;
    private readonly ConcurrentQueue<ActorSignal> _signals = new();
    private readonly ConcurrentDictionary<string, IActorCell> _children = new(StringComparer.Ordinal);
    private readonly HashSet<IActorCell> _watchers = [];
    private readonly HashSet<IActorCell> _watching = [];
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimerScheduler<TMessage> _timers;
    private readonly LocalActorRef<TMessage> _self;
    private readonly SupervisionOptions _supervision;
    private readonly TimeSpan _passivateAfter;
    private readonly int _capacity;
    private readonly CancellationToken _hardStop;
    private Actor<TMessage>? _instance;
    private ITimer? _passivationTimer;
    private int _status = (int)ActorStatus.Starting;
    private int _restarts;
    private long _lastMessageTimestamp = NoMessageYet;
    private readonly long _createdTimestamp;
    private int _wakePending;
    private volatile bool _closed;
    private volatile bool _hasSignals;
    private volatile bool _failed;
    private Exception? _failure;
    private StopReason? _stopReason;

    public ActorCell(
        ActorSystem system, IActorCell? parent, ActorPath path, Func<Actor<TMessage>> factory, ActorOptions? options)
    {
        System = system;
        _parent = parent;
        Path = path;
        _factory = factory;
        _capacity = options?.MailboxCapacity ?? system.Options.MailboxCapacity;
        _passivateAfter = options?.PassivateAfter ?? system.Options.PassivateAfter;
        _supervision = options?.Supervision ?? system.Options.Supervision;
        if (_capacity < 1)
        {
            throw new ArgumentException($"Mailbox capacity of {path} must be >= 1 (was {_capacity}).", nameof(options));
        }

        _mailbox = Channel.CreateBounded<TMessage?>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
        _self = new LocalActorRef<TMessage>(this);
        _timers = new TimerScheduler<TMessage>(this);
        Logger = system.Logger;
        _hardStop = system.HardStopToken;
        _createdTimestamp = system.Time.GetTimestamp();
    }

    public ActorPath Path { get; }

    public ActorSystem System { get; }

    public ILogger Logger { get; }

    public ActorRef Ref => _self;

    public ActorRef<TMessage> Self => _self;

    public TimeProvider Time => System.Time;

    public ITimerScheduler<TMessage> Timers => _timers;

    public Task Completion => _completion.Task;

    public StopReason? StopReason => _stopReason;

    public Exception? Failure => _failure;

    public IEnumerable<IActorCell> ChildCells => _children.Values;

    private ActorStatus Status
    {
        get => (ActorStatus)Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, (int)value);
    }

    public void Start()
    {
        if (_passivateAfter > TimeSpan.Zero)
        {
            _passivationTimer = Time.CreateTimer(
                static state => ((IActorCell)state!).Signal(PassivateCheck.Instance), this, _passivateAfter, _passivateAfter);
        }

        _ = Task.Run(RunAsync);
    }

    public TellResult Post(TMessage message)
    {
        if (_mailbox.Writer.TryWrite(message))
        {
            return TellResult.Delivered;
        }

        return _closed ? TellResult.Dead : TellResult.MailboxFull;
    }

    public ValueTask<TellResult> PostAsync(TMessage message, CancellationToken cancellationToken)
    {
        return _mailbox.Writer.TryWrite(message)
            ? new ValueTask<TellResult>(TellResult.Delivered)
            : _closed ? new ValueTask<TellResult>(TellResult.Dead) : WaitAndPostAsync(message, cancellationToken);
    }

    public void Signal(ActorSignal signal)
    {
        _signals.Enqueue(signal);
        _hasSignals = true;

        // At most one wake-up sits in the mailbox. A failed one means the mailbox is full (the loop looks at
        // signals before the next message) or closed (the cell is stopping and signals no longer matter).
        if (Interlocked.Exchange(ref _wakePending, 1) == 0 && !_mailbox.Writer.TryWrite(null))
        {
            Volatile.Write(ref _wakePending, 0);
        }
    }

    public void RequestStop() => CloseMailbox();

    private async ValueTask<TellResult> WaitAndPostAsync(TMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _mailbox.Writer.WriteAsync(message, cancellationToken);
            return TellResult.Delivered;
        }
        catch (ChannelClosedException)
        {
            return TellResult.Dead;
        }
    }

    private void CloseMailbox()
    {
        _closed = true;
        _mailbox.Writer.TryComplete();
    }

    /// <summary>
    /// The loop. Hot path per message: one TryRead, two flag reads, one virtual call; the clock is read only for
    /// the first message after an idle wait and every 64th message of a burst (LastMessageAt and the passivation
    /// idle time are that precise), and a handler that completes synchronously is not awaited.
    /// </summary>
    private async Task RunAsync()
    {
        try
        {
            await IncarnateAsync();
            var reader = _mailbox.Reader;
            var sinceStamp = 0;
            while (true)
            {
                if (reader.TryRead(out var message))
                {
                    if (message is null)
                    {
                        Volatile.Write(ref _wakePending, 0);
                        await ProcessSignalsAsync();
                        continue;
                    }

                    if (_hasSignals)
                    {
                        await ProcessSignalsAsync();
                    }

                    if (_failed)
                    {
                        continue;
                    }

                    if (_instance is null)
                    {
                        // Passivated (or a restart gave up part way): re-create before delivering.
                        await IncarnateAsync();
                        if (_instance is null)
                        {
                            continue;
                        }
                    }

                    if (sinceStamp-- == 0)
                    {
                        Volatile.Write(ref _lastMessageTimestamp, Time.GetTimestamp());
                        sinceStamp = 63;
                    }

                    Task handled;
                    try
                    {
                        handled = _instance.RunReceiveAsync(message, _hardStop);
                    }
                    catch (Exception error)
                    {
                        await OnFailureAsync(error);
                        continue;
                    }

                    if (!handled.IsCompletedSuccessfully)
                    {
                        await AwaitHandlerAsync(handled);
                    }

                    continue;
                }

                if (_hasSignals)
                {
                    await ProcessSignalsAsync();
                    continue;
                }

                if (!await reader.WaitToReadAsync())
                {
                    break;
                }

                sinceStamp = 0;
            }
        }
        catch (Exception error)
        {
            KernelLog.LoopFailed(Logger, Path.ToString(), error);
            _failed = true;
            _failure ??= error;
        }

        await FinishAsync();
    }

    private async Task AwaitHandlerAsync(Task handled)
    {
        try
        {
            await handled;
        }
        catch (Exception error)
        {
            await OnFailureAsync(error);
        }
    }
}
