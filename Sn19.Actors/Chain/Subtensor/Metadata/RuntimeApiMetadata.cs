namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A runtime API (metadata V15), e.g. <c>NeuronInfoRuntimeApi</c>, and its methods.</summary>
public sealed record RuntimeApiMetadata(string Name, IReadOnlyList<RuntimeApiMethod> Methods);
