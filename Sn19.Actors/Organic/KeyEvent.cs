namespace Sn19.Actors.Organic;

using System.Text.Json.Serialization;

/// <summary>
/// Events of an API key's ledger journal. The discriminator names are persisted: add new events under new
/// names, never rename.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[JsonDerivedType(typeof(KeyIssued), "issued")]
[JsonDerivedType(typeof(CreditAdded), "credit-added")]
[JsonDerivedType(typeof(KeyRevoked), "revoked")]
[JsonDerivedType(typeof(ReservationSettled), "settled")]
public abstract record KeyEvent;
