namespace Sn19.Actors.Persistence;

using Sn19.Actors.Organic;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Weights;

/// <summary>
/// Every type Sn19 writes to a journal or snapshot store, under its stable manifest name, and the base
/// types Akka binds to <see cref="JournalSerializer"/>. A new persisted type is registered here.
/// </summary>
internal static class PersistedTypes
{
    public static EventTypeRegistry Registry { get; } = Build();

    /// <summary>Akka's serialization binds these (and every type derived from them) to the journal serializer.</summary>
    public static IReadOnlyList<Type> BoundTypes { get; } = [
        typeof(ContenderEvent), typeof(ContenderSnapshot), typeof(WeightSetterEvent), typeof(WeightSetterSnapshot),
        typeof(KeyEvent), typeof(KeyLedgerSnapshot),
    ];

    private static EventTypeRegistry Build()
    {
        var registry = new EventTypeRegistry();
        ContenderActor.Register(registry);
        WeightSetterActor.Register(registry);
        ApiKeyActor.Register(registry);
        return registry;
    }
}
