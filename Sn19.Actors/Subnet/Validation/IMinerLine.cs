namespace Sn19.Actors.Subnet.Validation;

using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;

/// <summary>
/// How the validator pipeline reaches a miner, by hotkey: the capacity it offers at a period's start and
/// the answer to one text request. Over HTTP to the miner's axon in a validator (<see cref="AxonMinerLine"/>);
/// scripted miners on virtual time in <c>sn19 simulate</c>. Neither throws for a miner's fault.
/// </summary>
internal interface IMinerLine
{
    /// <summary>The miner's capacity per task for this validator, or the reason there is none.</summary>
    Task<(IReadOnlyDictionary<string, double>? Capacities, string? Error)> FetchCapacityAsync(string hotkey, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="request"/> and records what came back; <paramref name="relay"/>, when given, sees
    /// each chunk as it arrives.</summary>
    Task<QueryResult> QueryAsync(string hotkey, TextRequest request, IQueryRelay? relay, CancellationToken cancellationToken);
}
