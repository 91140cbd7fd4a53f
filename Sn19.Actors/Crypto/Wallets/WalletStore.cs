namespace Sn19.Actors.Crypto.Wallets;

/// <summary>The wallets under one root directory.</summary>
public sealed class WalletStore
{
    private readonly string _root;
    private readonly KeyfileCipher _cipher;
    private readonly ushort _prefix;

    public WalletStore(string root, KeyfileCipher? cipher = null, ushort prefix = Ss58.DefaultPrefix)
    {
        _root = root;
        _cipher = cipher ?? KeyfileCipher.Bittensor;
        _prefix = prefix;
    }

    public string Root => _root;

    public Wallet Open(string name) => new(_root, name, _cipher, _prefix);

    /// <summary>Every wallet directory (sorted by name), whether or not it holds a coldkey yet.</summary>
    public IReadOnlyList<Wallet> List()
    {
        if (!Directory.Exists(_root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(_root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(Wallet.IsValidName)
            .Order(StringComparer.Ordinal)
            .Select(Open)
            .ToArray();
    }
}
