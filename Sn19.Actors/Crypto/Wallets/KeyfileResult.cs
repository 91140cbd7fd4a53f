namespace Sn19.Actors.Crypto.Wallets;

/// <summary>The outcome of reading a keyfile: a key pair (when it held a secret), its JSON, or an error and why.</summary>
public sealed record KeyfileResult(KeyfileError Error, string Message, KeyfileData? Data, Sr25519Keypair? Keypair)
{
    public bool Succeeded => Error == KeyfileError.None;

    public static KeyfileResult Failed(KeyfileError error, string message) => new(error, message, null, null);

    public static KeyfileResult Loaded(KeyfileData data, Sr25519Keypair? keypair) => new(KeyfileError.None, string.Empty, data, keypair);
}
