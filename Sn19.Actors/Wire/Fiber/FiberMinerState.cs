namespace Sn19.Actors.Wire.Fiber;

using System.Security.Cryptography;

/// <summary>
/// What a miner holds for fiber: an RSA-2048 key pair made when it starts (fiber does not keep it either) and the
/// validators' symmetric keys. With a key file, the symmetric keys are written there (fiber's format, encrypted under
/// the storage key) after each exchange and read back at start, so validators keep their keys across a restart or crash.
/// </summary>
public sealed class FiberMinerState : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly string? _keyFile;
    private readonly string _storageKey;
    private readonly Lock _saving = new();

    /// <param name="keyFile">Where the symmetric keys are kept; null keeps them in memory only.</param>
    /// <param name="storageKey">The file's Fernet key; null is fiber's default derivation.</param>
    /// <exception cref="FernetException">the key file exists but was written under another storage key.</exception>
    public FiberMinerState(TimeProvider time, string? keyFile = null, string? storageKey = null)
    {
        Time = time;
        Keys = new FiberSymmetricKeys(time);
        PublicKeyPem = _rsa.ExportSubjectPublicKeyInfoPem();
        _keyFile = keyFile;
        _storageKey = storageKey ?? FiberKeyFile.DefaultStorageKey;
        if (keyFile is not null && File.Exists(keyFile))
        {
            Keys.Restore(FiberKeyFile.Read(File.ReadAllText(keyFile), _storageKey));
        }
    }

    public TimeProvider Time { get; }

    public FiberSymmetricKeys Keys { get; }

    /// <summary>The public key as PEM SubjectPublicKeyInfo, as fiber serves it.</summary>
    public string PublicKeyPem { get; }

    public static bool IsFiberPath(string path) =>
        path is FiberProtocol.ExchangeKeyPath or FiberProtocol.CapacityPath or FiberProtocol.ChatPath or FiberProtocol.CompletionPath;

    /// <summary>Keeps a validator's new key, in the key file too (mode 0600, written whole, then renamed into place).</summary>
    public void Store(string validator, string uuid, byte[] key)
    {
        Keys.Store(validator, uuid, key);
        if (_keyFile is null)
        {
            return;
        }

        lock (_saving)
        {
            Persistence.PrivateFile.Replace(_keyFile, FiberKeyFile.Write(Keys.Live(), _storageKey, Time.GetUtcNow()));
        }
    }

    /// <summary>RSA-OAEP with SHA-256 (and MGF1-SHA-256), no label: what fiber's validators encrypt the key with.</summary>
    public byte[] DecryptKey(byte[] encrypted) => _rsa.Decrypt(encrypted, RSAEncryptionPadding.OaepSHA256);

    public void Dispose() => _rsa.Dispose();
}
