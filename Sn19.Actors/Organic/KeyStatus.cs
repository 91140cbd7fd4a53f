namespace Sn19.Actors.Organic;

/// <summary>
/// A key as the operator sees it. <see cref="Balance"/> = <see cref="Credited"/> − <see cref="Charged"/>;
/// <see cref="Available"/> is the balance less what open reservations hold. <see cref="Exists"/> is false
/// for an id no key was issued under. It crosses nodes, so <see cref="RecentCharges"/> is a plain array: a
/// collection expression's compiler-made type is one Akka's remote serializer cannot rebuild.
/// </summary>
public sealed record KeyStatus(
    string KeyId, bool Exists, string Name, bool Revoked, DateTimeOffset? Created, decimal Credited, decimal Charged, decimal Reserved,
    int OpenReservations, int RequestsPerMinute, int TokensPerMinute, long Requests, long PromptTokens, long CompletionTokens,
    IReadOnlyList<KeyCharge> RecentCharges)
{
    public decimal Balance => Credited - Charged;

    public decimal Available => Balance - Reserved;
}
