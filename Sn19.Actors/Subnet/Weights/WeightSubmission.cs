namespace Sn19.Actors.Subnet.Weights;

using Sn19.Actors.Signing;

/// <summary>A computed round the chain allows now: what to sign, against the metagraph read at <paramref name="Block"/>.</summary>
internal sealed record WeightSubmission(WeightRoundRecord Round, WeightsToSign Weights, ulong Block);
