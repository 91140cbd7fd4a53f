namespace Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>A runtime API method (metadata V15): called as <c>state_call("Api_method", SCALE(inputs))</c>, answering its output type.</summary>
public sealed record RuntimeApiMethod(string Name, IReadOnlyList<TypeField> Inputs, int Output);
