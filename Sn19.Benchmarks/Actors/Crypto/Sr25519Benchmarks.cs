namespace Sn19.Benchmarks.Actors.Crypto;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Sn19.Actors.Crypto;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// sr25519 (managed Merlin/STROBE + libsodium ristretto255) against libsodium's native Ed25519 as the
/// baseline, over a 1 KiB message: a signed validator→miner request costs one Sign, a miner one Verify.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, warmupCount: 2, iterationCount: 5)]
public class Sr25519Benchmarks
{
    private readonly byte[] _message = new byte[1024];
    private readonly byte[] _edSeed = new byte[32];
    private Sr25519Keypair _pair = null!;
    private byte[] _edPublic = [];
    private byte[] _edSignature = [];
    private byte[] _srSignature = [];

    [GlobalSetup]
    public void Setup()
    {
        new Random(19).NextBytes(_message);
        new Random(5).NextBytes(_edSeed);
        _pair = Sr25519Keypair.FromSecretUri("//Alice");
        _edPublic = Ed25519.PublicKeyFromSeed(_edSeed);
        _edSignature = Ed25519.Sign(_edSeed, _message);
        _srSignature = _pair.Sign(_message);
    }

    [Benchmark(Baseline = true)]
    public byte[] Ed25519Sign() => Ed25519.Sign(_edSeed, _message);

    [Benchmark]
    public bool Ed25519Verify() => Ed25519.Verify(_edPublic, _message, _edSignature);

    [Benchmark]
    public byte[] Sr25519Sign() => _pair.Sign(_message);

    [Benchmark]
    public bool Sr25519Verify() => Sr25519.Verify(_pair.PublicKey, _message, _srSignature);

    [Benchmark]
    public string Sr25519FromSecretUriAlice() => Sr25519Keypair.FromSecretUri("//Alice").Ss58Address;
}
