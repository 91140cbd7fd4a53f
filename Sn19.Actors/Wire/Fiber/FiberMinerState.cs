namespace Sn19.Actors.Wire.Fiber;

using System.Security.Cryptography;

/// <summary>
/// What a miner holds for fiber: an RSA-2048 key pair made when it starts (fiber does not keep it either, so validators
/// shake hands again after a restart) and the validators' symmetric keys.
/// </summary>
public sealed class FiberMinerState : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public FiberMinerState(TimeProvider time)
    {
        Time = time;
        Keys = new FiberSymmetricKeys(time);
        PublicKeyPem = _rsa.ExportSubjectPublicKeyInfoPem();
    }

    public TimeProvider Time { get; }

    public FiberSymmetricKeys Keys { get; }

    /// <summary>The public key as PEM SubjectPublicKeyInfo, as fiber serves it.</summary>
    public string PublicKeyPem { get; }

    public static bool IsFiberPath(string path) =>
        path is FiberProtocol.ExchangeKeyPath or FiberProtocol.CapacityPath or FiberProtocol.ChatPath or FiberProtocol.CompletionPath;

    /// <summary>RSA-OAEP with SHA-256 (and MGF1-SHA-256), no label: what fiber's validators encrypt the key with.</summary>
    public byte[] DecryptKey(byte[] encrypted) => _rsa.Decrypt(encrypted, RSAEncryptionPadding.OaepSHA256);

    public void Dispose() => _rsa.Dispose();
}
