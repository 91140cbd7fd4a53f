namespace Sn19.Actors.Wire.Fiber;

/// <summary>One symmetric key a fiber miner keeps for a validator: the Fernet key and when it stops being honoured
/// (fiber writes a naive local time; read as written).</summary>
public sealed record FiberStoredKey(string ValidatorHotkey, string KeyUuid, byte[] Key, DateTime ExpiresAt);
