namespace Sn19.Actors.Subnet.Tasks;

/// <summary>
/// Asks the task actor for the miner to try next for an organic request, skipping those already tried.
/// The first try of a request cancels one pending synthetic. The answer is an <see cref="OrganicRoute"/>.
/// It crosses nodes (an organic node asks the coordinator's task actor): <see cref="Tried"/> must be a plain
/// array, as Akka's remote serializer cannot rebuild a collection expression's compiler-made type.
/// </summary>
public sealed record RouteOrganic(IReadOnlyList<string> Tried) : TaskMessage;
