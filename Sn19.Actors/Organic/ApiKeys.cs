namespace Sn19.Actors.Organic;

using Akka.Actor;

/// <summary>
/// The API keys' ledgers, through the <c>api-keys</c> shard region (or its proxy on a node without the organic
/// role). An ask that times out throws: the gateway answers 503 and the caller may retry, as every command is
/// idempotent by its request or operation id.
/// </summary>
public sealed class ApiKeys(ActorSystem system, IActorRef region, TimeSpan askTimeout)
{
    /// <summary>Every key id the journal holds.</summary>
    public async Task<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken)
    {
        var prefix = ApiKeyActor.PersistenceIdOf("");
        var ids = await Persistence.JournalIds.CurrentAsync(system, cancellationToken);
        return [.. ids.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Select(id => id[prefix.Length..]).Order(StringComparer.Ordinal)];
    }

    public Task<KeyStatus> IssueAsync(IssueKey issue, CancellationToken cancellationToken) => AskAsync<KeyStatus>(issue, cancellationToken);

    public Task<KeyStatus> TopUpAsync(TopUpKey topUp, CancellationToken cancellationToken) => AskAsync<KeyStatus>(topUp, cancellationToken);

    public Task<KeyStatus> RevokeAsync(string keyId, CancellationToken cancellationToken) => AskAsync<KeyStatus>(new RevokeKey(keyId), cancellationToken);

    public Task<KeyStatus> StatusAsync(string keyId, int charges, CancellationToken cancellationToken) =>
        AskAsync<KeyStatus>(new GetKeyStatus(keyId, charges), cancellationToken);

    public Task<CreditReservation> ReserveAsync(ReserveCredit reserve, CancellationToken cancellationToken) =>
        AskAsync<CreditReservation>(reserve, cancellationToken);

    public Task<CreditSettlement> SettleAsync(SettleCredit settle, CancellationToken cancellationToken) =>
        AskAsync<CreditSettlement>(settle, cancellationToken);

    private Task<T> AskAsync<T>(KeyMessage message, CancellationToken cancellationToken) => region.Ask<T>(message, askTimeout, cancellationToken);
}
