namespace Sn19.Actors.Organic;

/// <summary>Adds credit; <see cref="OperationId"/> makes a retried top-up count once. Replies <see cref="KeyStatus"/>.</summary>
public sealed record TopUpKey(string KeyId, decimal Amount, string OperationId) : KeyMessage(KeyId);
