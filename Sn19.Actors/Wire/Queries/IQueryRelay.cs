namespace Sn19.Actors.Wire.Queries;

using System.Text.Json;

/// <summary>
/// Sees a miner's stream while it arrives: the organic gateway passes each token on to its user at once
/// instead of after the whole answer. A relay that throws (the user went away) ends the query.
/// </summary>
public interface IQueryRelay
{
    /// <summary>Whether any token reached the user: from then on a failure cannot be retried on another miner
    /// (that would splice two answers), only ended with an error.</summary>
    bool HasRelayed { get; }

    /// <summary>A new miner is about to be tried: forget what a failed one sent that did not reach the user.</summary>
    void StartAttempt();

    /// <param name="chunk">The chunk as the miner sent it (valid JSON).</param>
    /// <param name="carriesToken">Whether it is one generated token (else usage or another closing chunk).</param>
    ValueTask OnChunkAsync(JsonElement chunk, bool carriesToken, CancellationToken cancellationToken);
}
