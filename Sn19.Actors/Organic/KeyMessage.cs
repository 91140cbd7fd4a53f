namespace Sn19.Actors.Organic;

/// <summary>A message for one API key's ledger entity, routed by <see cref="KeyId"/>.</summary>
public abstract record KeyMessage(string KeyId);
