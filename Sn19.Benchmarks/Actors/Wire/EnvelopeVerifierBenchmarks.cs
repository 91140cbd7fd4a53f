namespace Sn19.Benchmarks.Actors.Wire;

using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Sn19.Actors.Crypto;
using Sn19.Actors.Wire;

/// <summary>
/// What the miner pays per admitted request: all envelope checks (headers, metagraph lookup, SHA-256 of a
/// 4 KiB body, sr25519 verify, replay-cache insert) against the sr25519 verify alone. The ratio is the
/// envelope's overhead over the signature check it cannot avoid.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, warmupCount: 2, iterationCount: 5)]
public class EnvelopeVerifierBenchmarks
{
    private const int Pool = 1024;

    private readonly byte[] _body = new byte[4096];
    private (string Nonce, string Signature)[] _signed = [];
    private byte[] _message = [];
    private byte[] _signature = [];
    private byte[] _validatorPublicKey = [];
    private string _validator = string.Empty;
    private string _miner = string.Empty;
    private EnvelopeVerifier _verifier = null!;
    private FixedClock _clock = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        new Random(19).NextBytes(_body);
        var validator = Sr25519Keypair.Generate();
        var miner = Sr25519Keypair.Generate();
        _validator = validator.Ss58Address;
        _miner = miner.Ss58Address;
        _validatorPublicKey = validator.PublicKeyBytes();
        var hash = EnvelopeMessage.HashBody(_body);
        var start = TimeProvider.System.GetUtcNow();
        // The verifier's clock stands still at the signing time, so no nonce goes stale during the run.
        _clock = new FixedClock(start);
        _signed = new (string, string)[Pool];
        for (var i = 0; i < Pool; i++)
        {
            var nonce = $"{(start - DateTimeOffset.UnixEpoch).Ticks * 100 + i}_bench{i:D5}";
            var text = EnvelopeMessage.Compose(nonce, _validator, _miner, hash);
            _signed[i] = (nonce, SignatureHex.Format(validator.Sign(Encoding.UTF8.GetBytes(text))));
        }

        _message = Encoding.UTF8.GetBytes(EnvelopeMessage.Compose(_signed[0].Nonce, _validator, _miner, hash));
        SignatureHex.TryParse(_signed[0].Signature, out _signature);
        _verifier = NewVerifier();
        if (FullEnvelopeCheck() != EnvelopeRejection.None)
        {
            throw new InvalidOperationException("the benchmark envelope is refused; it would measure the refusal path");
        }
    }

    [Benchmark(Baseline = true)]
    public bool Sr25519VerifyOnly() => Sr25519.Verify(_validatorPublicKey, _message, _signature);

    [Benchmark]
    public EnvelopeRejection FullEnvelopeCheck()
    {
        // Each pre-signed nonce is admitted once; a fresh verifier (empty replay cache) every pool round.
        if (_next == Pool)
        {
            _next = 0;
            _verifier = NewVerifier();
        }

        var (nonce, signature) = _signed[_next++];
        var rejection = _verifier.CheckHeaders(_validator, _miner, nonce, signature, out var headers, out _);
        return rejection != EnvelopeRejection.None ? rejection : _verifier.CheckBody(headers!, _body, out _);
    }

    private EnvelopeVerifier NewVerifier() =>
        new(new EnvelopeOptions { MinValidatorStake = 0 }, _miner, new AllStaked(), Sr25519SignatureVerifier.Instance, _clock);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class AllStaked : IValidatorDirectory
    {
        public bool TryGetStake(string hotkeySs58, out double stake)
        {
            stake = 10_000;
            return true;
        }
    }
}
