namespace Sn19.Actors.Crypto.Wallets;

/// <summary>
/// One key file on disk. Written atomically (temporary file, then rename) with mode 0600 as bittensor
/// writes them; read back with the encryption recognised from the first bytes.
/// </summary>
public sealed class Keyfile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly KeyfileCipher _cipher;

    public Keyfile(string path, KeyfileCipher cipher)
    {
        Path = path;
        _cipher = cipher;
    }

    public string Path { get; }

    public bool Exists => File.Exists(Path);

    public bool IsEncrypted => Exists && KeyfileCipher.Detect(File.ReadAllBytes(Path)) != KeyfileEncryption.None;

    /// <summary>Writes <paramref name="data"/>, encrypted when <paramref name="password"/> is given.</summary>
    public KeyfileError Write(KeyfileData data, string? password, bool overwrite)
    {
        if (Exists && !overwrite)
        {
            return KeyfileError.AlreadyExists;
        }

        var bytes = password is null ? data.ToJsonBytes() : _cipher.Encrypt(data.ToJsonBytes(), password);
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        var temporary = Path + ".tmp-" + Environment.ProcessId;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, OwnerOnly);
        }

        File.Move(temporary, Path, overwrite: true);
        return KeyfileError.None;
    }

    /// <summary>Reads the file; <paramref name="password"/> is needed only when it is encrypted.</summary>
    public KeyfileResult Read(string? password)
    {
        if (!Exists)
        {
            return KeyfileResult.Failed(KeyfileError.NotFound, $"no key file at {Path}");
        }

        var bytes = File.ReadAllBytes(Path);
        switch (KeyfileCipher.Detect(bytes))
        {
            case KeyfileEncryption.None:
                break;
            case KeyfileEncryption.NaCl:
                if (password is null)
                {
                    return KeyfileResult.Failed(KeyfileError.PasswordRequired, $"{Path} is encrypted: a password is needed");
                }

                byte[]? plain;
                try
                {
                    plain = _cipher.Decrypt(bytes, password);
                }
                catch (FormatException)
                {
                    return KeyfileResult.Failed(KeyfileError.Corrupt, $"{Path} is truncated");
                }

                if (plain is null)
                {
                    return KeyfileResult.Failed(KeyfileError.WrongPassword, $"wrong password for {Path}");
                }

                bytes = plain;
                break;
            default:
                return KeyfileResult.Failed(
                    KeyfileError.UnsupportedEncryption,
                    $"{Path} uses an old bittensor encryption (ansible-vault or fernet); re-encrypt it with bittensor's tools first");
        }

        var data = KeyfileData.Parse(bytes);
        if (data is null)
        {
            return KeyfileResult.Failed(KeyfileError.Corrupt, $"{Path} is not keyfile JSON");
        }

        try
        {
            return KeyfileResult.Loaded(data, data.HasSecret ? data.ToKeypair() : null);
        }
        catch (FormatException e)
        {
            return KeyfileResult.Failed(KeyfileError.Corrupt, $"{Path}: {e.Message}");
        }
    }
}
