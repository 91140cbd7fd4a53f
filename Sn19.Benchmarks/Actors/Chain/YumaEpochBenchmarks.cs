namespace Sn19.Benchmarks.Actors.Chain;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Yuma;

/// <summary>
/// One Yuma epoch on a full subnet: 64 permitted validators each weighting every uid, with a full bonds matrix
/// from the previous epoch (n = 256 is subtensor's max-allowed-uids: 16 Ki weight and bond entries).
/// The baseline is a 64-uid subnet in the same run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, warmupCount: 2, iterationCount: 5)]
public class YumaEpochBenchmarks
{
    private YumaEpochInput _small = null!;
    private YumaEpochInput _full = null!;
    private YumaEpochInput _fullLegacy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _small = Subnet(64, yuma3: true);
        _full = Subnet(256, yuma3: true);
        _fullLegacy = Subnet(256, yuma3: false);
    }

    [Benchmark(Baseline = true)]
    public object Uids64() => YumaEpoch.Run(_small);

    [Benchmark]
    public object Uids256() => YumaEpoch.Run(_full);

    [Benchmark]
    public object Uids256Legacy() => YumaEpoch.Run(_fullLegacy);

    private static YumaEpochInput Subnet(int n, bool yuma3)
    {
        var random = new Random(19);
        const int validators = 64;
        var neurons = new List<YumaNeuron>(n);
        for (var i = 0; i < n; i++)
        {
            var isValidator = i < validators;
            var weights = isValidator
                ? Enumerable.Range(0, n).Where(j => j != i).Select(j => new UidValue((ushort)j, (ushort)random.Next(1, 65_536))).ToArray()
                : [];
            var bonds = isValidator
                ? Enumerable.Range(0, n).Select(j => new UidValue((ushort)j, (ushort)random.Next(1, 65_536))).ToArray()
                : [];
            neurons.Add(new YumaNeuron(isValidator ? (ulong)random.Next(1, 1_000_000) * 1_000_000_000UL : 0, 10_000, 0, isValidator, weights, bonds));
        }

        return new YumaEpochInput(10_000, 9_640, 360_000_000_000, null, new YumaParameters { Yuma3 = yuma3 }, neurons);
    }
}
