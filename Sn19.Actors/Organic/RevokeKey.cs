namespace Sn19.Actors.Organic;

/// <summary>Revokes the key for good: later requests get 401; reservations already open still settle. Replies <see cref="KeyStatus"/>.</summary>
public sealed record RevokeKey(string KeyId) : KeyMessage(KeyId);
