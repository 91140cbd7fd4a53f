namespace Sn19.Actors.Crypto.Sodium;

/// <summary>Runs <c>sodium_init</c> exactly once per process before any other libsodium call.</summary>
internal static class SodiumLibrary
{
    private static readonly Lazy<bool> Initialized = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized()
    {
        _ = Initialized.Value;
    }

    private static bool Initialize()
    {
        SodiumNative.EnsureResolver();
        int status;
        try
        {
            status = SodiumNative.SodiumInit();
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException(
                "libsodium (libsodium.so.23) could not be loaded: install the Debian package libsodium23.", e);
        }

        // 0 = initialised now, 1 = already initialised; -1 = the library is unusable.
        if (status < 0)
        {
            throw new InvalidOperationException("sodium_init failed: libsodium cannot be used on this machine.");
        }

        return true;
    }
}
