namespace Sn19.Benchmarks.Actors.Mechanism;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Weights;

/// <summary>
/// Weight computation for 4,096 contenders (256 miners × 16 tasks); target ≤ 50 ms for the whole round.
/// From aggregates: the pure math only. From states: what the weight setter does per epoch, including each
/// contender's aggregate over 3 days of periods (144) and 50 quality samples.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, warmupCount: 2, iterationCount: 5)]
public class WeightComputationBenchmarks
{
    private const int Miners = 256;
    private const int Tasks = 16;
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly MechanismOptions _options = new();
    private TaskWeight[] _tasks = [];
    private ContenderAggregate[] _aggregates = [];
    private ContenderState[] _states = [];
    private NeuronIdentity[] _metagraph = [];
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(19);
        _tasks = [.. Enumerable.Range(0, Tasks).Select(t => new TaskWeight($"task-{t:D2}", 1.0 / Tasks))];
        _metagraph = [.. Enumerable.Range(0, Miners).Select(m => new NeuronIdentity((ushort)m, $"miner-{m:D3}"))];
        _aggregates = new ContenderAggregate[Miners * Tasks];
        _states = new ContenderState[Miners * Tasks];
        _now = Start + TimeSpan.FromDays(3);
        for (var m = 0; m < Miners; m++)
        {
            for (var t = 0; t < Tasks; t++)
            {
                var i = (m * Tasks) + t;
                _aggregates[i] = new ContenderAggregate(
                    $"miner-{m:D3}", $"task-{t:D2}", random.NextDouble(), random.NextDouble() * 100,
                    new PeriodAggregateResult(random.NextDouble(), 1, 100), random.Next(0, 60_000));
                _states[i] = State($"miner-{m:D3}", $"task-{t:D2}", random);
            }
        }
    }

    [Benchmark(Baseline = true)]
    public WeightResult FromAggregates() => WeightCalculator.Compute(_tasks, _aggregates, _options);

    [Benchmark]
    public WeightRoundRecord RoundFromAggregates() => WeightRound.Compute(0, _now, _tasks, _aggregates, _metagraph, _options);

    [Benchmark]
    public WeightRoundRecord RoundFromContenderStates()
    {
        var aggregates = new ContenderAggregate[_states.Length];
        for (var i = 0; i < _states.Length; i++)
        {
            aggregates[i] = _states[i].Aggregate(_now, _options, qualitySquareExempt: false);
        }

        return WeightRound.Compute(0, _now, _tasks, aggregates, _metagraph, _options);
    }

    private ContenderState State(string hotkey, string task, Random random)
    {
        var state = new ContenderState(new ContenderKey(hotkey, task));
        for (var p = 0; p < 144; p++)
        {
            var at = Start + TimeSpan.FromMinutes(30 * p);
            state.Apply(new PeriodOpened(p, at, 60_000, 60_000, 0.04, 2_400), _options);
            state.Apply(new QueryRecorded(p, 1, at, false, QueryOutcomeKind.Ok, 300, TimeSpan.FromSeconds(2), null, null), _options);
            if (p % 3 == 0)
            {
                state.Apply(new QualityRecorded(1, at, random.NextDouble(), 300, TimeSpan.FromSeconds(1 + random.NextDouble())), _options);
            }

            state.Apply(new PeriodClosed(p, at + TimeSpan.FromMinutes(30), random.NextDouble(), 300), _options);
        }

        return state;
    }
}
