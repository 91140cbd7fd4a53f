namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;

/// <summary>Where a row's answers come from: a miner backend in this process, the engine in another process, or llama.cpp.</summary>
internal interface IAnswerSource
{
    /// <summary>Each request's answer as the stream chunks a validator stores, in the requests' order.</summary>
    Task<IReadOnlyList<IReadOnlyList<JsonElement>>> AnswerAsync(IReadOnlyList<TextRequest> requests, CancellationToken cancellationToken);
}
