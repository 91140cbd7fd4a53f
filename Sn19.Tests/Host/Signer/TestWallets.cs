namespace Sn19.Tests.Host.Signer;

using Sn19.Actors.Crypto;
using Sn19.Actors.Crypto.Wallets;

/// <summary>A plain bittensor hotkey, <c>ROOT/WALLET/hotkeys/HOTKEY</c>, written by the wallet code (mode 0600).</summary>
internal static class TestWallets
{
    public static Sr25519Keypair WriteHotkey(string root, string wallet, string hotkey)
    {
        var pair = Sr25519Keypair.Generate();
        var written = new Wallet(root, wallet).CreateHotkey(hotkey, pair, phrase: null, password: null, overwrite: false);
        Assert.Equal(KeyfileError.None, written);
        return pair;
    }
}
