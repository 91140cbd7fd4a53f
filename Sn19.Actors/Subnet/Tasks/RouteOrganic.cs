namespace Sn19.Actors.Subnet.Tasks;

/// <summary>
/// Asks the task actor for the miner to try next for an organic request, skipping those already tried.
/// The first try of a request cancels one pending synthetic. The answer is an <see cref="OrganicRoute"/>.
/// </summary>
public sealed record RouteOrganic(IReadOnlyList<string> Tried) : TaskMessage;
