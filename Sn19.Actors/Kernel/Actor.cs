namespace Sn19.Actors.Kernel;

/// <summary>
/// Base of every actor. The runtime creates instances through the factory given to spawn (again after each
/// restart and after passivation) and calls the hooks one at a time, never concurrently:
///
/// <code>
///   factory() ─▶ StartedAsync ─▶ ReceiveAsync / OnSignalAsync … ─▶ StoppedAsync
///                    ▲                    │ throws
///                    └── back-off ◀───────┘ (restart: children stopped, timers cancelled)
/// </code>
/// </summary>
public abstract class Actor<TMessage>
    where TMessage : class
{
    private IActorContext<TMessage>? _context;

    protected IActorContext<TMessage> Context =>
        _context ?? throw new InvalidOperationException("The actor context is set when the runtime starts the actor.");

    internal void Bind(IActorContext<TMessage> context) => _context = context;

    internal Task RunStartedAsync(CancellationToken cancellationToken) => StartedAsync(cancellationToken);

    internal Task RunReceiveAsync(TMessage message, CancellationToken cancellationToken) =>
        ReceiveAsync(message, cancellationToken);

    internal Task RunSignalAsync(ActorSignal signal, CancellationToken cancellationToken) =>
        OnSignalAsync(signal, cancellationToken);

    internal Task RunStoppedAsync(CancellationToken cancellationToken) => StoppedAsync(cancellationToken);

    /// <summary>Runs before the first message of this instance. An exception here counts as a failure.</summary>
    protected virtual Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract Task ReceiveAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>Lifecycle signals such as <see cref="Terminated"/>; ignored unless overridden.</summary>
    protected virtual Task OnSignalAsync(ActorSignal signal, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Runs when this instance goes away: stop, restart or passivation. Exceptions are logged only.</summary>
    protected virtual Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
