namespace Sn19.Actors.Subnet.Validation;

using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;

/// <summary>The miners over HTTP: each hotkey's axon from the current metagraph, signed requests.</summary>
internal sealed class AxonMinerLine(MetagraphWatcher metagraph, CapacityClient capacity, MinerQueryClient queries) : IMinerLine
{
    public async Task<(IReadOnlyDictionary<string, double>? Capacities, string? Error)> FetchCapacityAsync(
        string hotkey, CancellationToken cancellationToken) =>
        metagraph.Current.Axon(hotkey) is { } axon
            ? await capacity.FetchAsync(axon, hotkey, cancellationToken)
            : (null, "the miner has no axon");

    public async Task<QueryResult> QueryAsync(string hotkey, TextRequest request, IQueryRelay? relay, CancellationToken cancellationToken) =>
        metagraph.Current.Axon(hotkey) is { } axon
            ? await queries.QueryAsync(axon, hotkey, request, cancellationToken, relay)
            : QueryResult.Failed("the miner has no axon", null, TimeSpan.Zero);
}
