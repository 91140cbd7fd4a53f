namespace Sn19.Host.Cli.Ctl.Demo;

using Sn19.Actors.Kernel;
using Sn19.Actors.Persistence;

/// <summary>A persistent counter: each increment is one journal event, acknowledged once durable.</summary>
internal sealed class DemoCounterActor(PersistenceRuntime persistence, string persistenceId, TimeSpan? autoIncrement)
    : PersistentActor<DemoCounterMessage, DemoIncremented>(persistence, persistenceId), IIntrospectable
{
    private long _value;

    public static EventTypeRegistry Register(EventTypeRegistry registry) =>
        registry.Register<DemoIncremented>("demo.counter.incremented").Register<DemoCounterState>("demo.counter.state");

    public object Summary() => new DemoCounterState(_value);

    protected override Task OnRecoveredAsync(CancellationToken cancellationToken)
    {
        if (autoIncrement is { } every)
        {
            Context.Timers.StartPeriodic("auto-increment", new DemoCounterMessage.Increment(null), every);
        }

        return Task.CompletedTask;
    }

    protected override async Task ReceiveAsync(DemoCounterMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case DemoCounterMessage.Increment increment:
                await PersistAsync(new DemoIncremented(1), cancellationToken);
                increment.Ack?.Reply(LastSequenceNr);
                break;
            case DemoCounterMessage.Get get:
                get.ReplyTo.Reply(_value);
                break;
        }
    }

    protected override void Apply(DemoIncremented @event) => _value += @event.By;

    protected override object? CreateSnapshot() => new DemoCounterState(_value);

    protected override void RestoreSnapshot(object snapshot) => _value = ((DemoCounterState)snapshot).Value;
}
