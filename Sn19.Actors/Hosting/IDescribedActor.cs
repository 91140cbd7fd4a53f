namespace Sn19.Actors.Hosting;

/// <summary>Marks an actor type that answers <see cref="DescribeActor"/>; the admin API asks only these.</summary>
public interface IDescribedActor;
