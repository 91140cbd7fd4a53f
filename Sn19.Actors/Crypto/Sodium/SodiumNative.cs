namespace Sn19.Actors.Crypto.Sodium;

using System.Reflection;
using System.Runtime.InteropServices;

/// <summary>
/// Raw libsodium entry points for what NSec does not expose (ristretto255, secretbox, argon2i, random bytes).
/// The library is the one NSec brings (the <c>libsodium</c> package, 1.0.22, in the app's native assets), so
/// no system package is needed; a system <c>libsodium.so.23</c> (1.0.18, the first with ristretto255) is the
/// fallback. Every call returns libsodium's status: 0 for success, -1 for failure. Callers go through
/// <see cref="SodiumLibrary"/>, which guarantees <c>sodium_init</c> ran first.
/// </summary>
internal static partial class SodiumNative
{
    private const string Library = "libsodium";

    // "libsodium" finds NSec's bundled copy through the app's native asset paths first; Debian ships only
    // the versioned soname (no dev symlink), hence the fallback.
    private static readonly string[] Candidates = ["libsodium", "libsodium.so.23"];

    static SodiumNative() => NativeLibrary.SetDllImportResolver(typeof(SodiumNative).Assembly, Resolve);

    /// <summary>Forces the static constructor (and so the resolver) to run before the first call.</summary>
    internal static void EnsureResolver()
    {
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    [LibraryImport(Library, EntryPoint = "sodium_init")]
    internal static partial int SodiumInit();

    [LibraryImport(Library, EntryPoint = "crypto_generichash")]
    internal static unsafe partial int GenericHash(byte* output, nuint outputLength, byte* input, ulong inputLength, byte* key, nuint keyLength);

    [LibraryImport(Library, EntryPoint = "randombytes_buf")]
    internal static unsafe partial void RandomBytesBuf(byte* buffer, nuint size);

    [LibraryImport(Library, EntryPoint = "crypto_core_ristretto255_is_valid_point")]
    internal static unsafe partial int RistrettoIsValidPoint(byte* point);

    [LibraryImport(Library, EntryPoint = "crypto_core_ristretto255_add")]
    internal static unsafe partial int RistrettoAdd(byte* result, byte* p, byte* q);

    [LibraryImport(Library, EntryPoint = "crypto_core_ristretto255_sub")]
    internal static unsafe partial int RistrettoSub(byte* result, byte* p, byte* q);

    [LibraryImport(Library, EntryPoint = "crypto_scalarmult_ristretto255")]
    internal static unsafe partial int RistrettoScalarMult(byte* result, byte* scalar, byte* point);

    [LibraryImport(Library, EntryPoint = "crypto_scalarmult_ristretto255_base")]
    internal static unsafe partial int RistrettoScalarMultBase(byte* result, byte* scalar);

    [LibraryImport(Library, EntryPoint = "crypto_core_ristretto255_scalar_reduce")]
    internal static unsafe partial void ScalarReduce(byte* result, byte* wide);

    [LibraryImport(Library, EntryPoint = "crypto_core_ristretto255_scalar_add")]
    internal static unsafe partial void ScalarAdd(byte* result, byte* x, byte* y);

    [LibraryImport(Library, EntryPoint = "crypto_core_ristretto255_scalar_mul")]
    internal static unsafe partial void ScalarMul(byte* result, byte* x, byte* y);

    [LibraryImport(Library, EntryPoint = "crypto_core_ristretto255_scalar_negate")]
    internal static unsafe partial void ScalarNegate(byte* result, byte* x);

    [LibraryImport(Library, EntryPoint = "crypto_pwhash")]
    internal static unsafe partial int PwHash(
        byte* output, ulong outputLength, byte* password, ulong passwordLength, byte* salt,
        ulong opsLimit, nuint memLimit, int algorithm);

    [LibraryImport(Library, EntryPoint = "crypto_pwhash_argon2i_opslimit_sensitive")]
    internal static partial nuint Argon2iOpsLimitSensitive();

    [LibraryImport(Library, EntryPoint = "crypto_pwhash_argon2i_memlimit_sensitive")]
    internal static partial nuint Argon2iMemLimitSensitive();

    [LibraryImport(Library, EntryPoint = "crypto_secretbox_easy")]
    internal static unsafe partial int SecretBoxEasy(
        byte* cipher, byte* message, ulong messageLength, byte* nonce, byte* key);

    [LibraryImport(Library, EntryPoint = "crypto_secretbox_open_easy")]
    internal static unsafe partial int SecretBoxOpenEasy(
        byte* message, byte* cipher, ulong cipherLength, byte* nonce, byte* key);
}
