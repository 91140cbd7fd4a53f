namespace Sn19.Actors.Organic;

/// <summary>Asks for the key's <see cref="KeyStatus"/>, with up to <see cref="Charges"/> of its latest charges.</summary>
public sealed record GetKeyStatus(string KeyId, int Charges = 20) : KeyMessage(KeyId);
