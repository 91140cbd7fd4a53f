namespace Sn19.Actors.Hosting;

/// <summary>
/// Asks an actor that implements <see cref="IDescribedActor"/> for its <see cref="ActorDescription"/>: what the
/// admin API shows of it. Actors answer it like any message, in order with their others.
/// </summary>
public sealed record DescribeActor
{
    public static DescribeActor Instance { get; } = new();
}
