namespace Sn19.Tests.Actors.Persistence;

using Sn19.Actors.Kernel;
using Sn19.Actors.Persistence;

/// <summary>A persistent counter for the persistence tests.</summary>
public sealed class CounterActor(PersistenceRuntime persistence, string persistenceId, string writer)
    : PersistentActor<CounterMessage, Incremented>(persistence, persistenceId), IIntrospectable
{
    public long Value { get; private set; }

    public static EventTypeRegistry Register(EventTypeRegistry registry) =>
        registry.Register<Incremented>("test.counter.incremented").Register<CounterSnapshot>("test.counter.snapshot");

    public object Summary() => new CounterSnapshot(Value);

    protected override async Task ReceiveAsync(CounterMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case CounterMessage.Increment increment:
                await PersistAsync(new Incremented(increment.By, writer), cancellationToken);
                increment.Ack?.Reply(Value);
                break;
            case CounterMessage.Get get:
                get.ReplyTo.Reply(Value);
                break;
            case CounterMessage.Crash crash:
                throw new InvalidOperationException(crash.Why);
        }
    }

    protected override void Apply(Incremented @event) => Value += @event.By;

    protected override object? CreateSnapshot() => new CounterSnapshot(Value);

    protected override void RestoreSnapshot(object snapshot) => Value = ((CounterSnapshot)snapshot).Value;
}
