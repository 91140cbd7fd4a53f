namespace Sn19.Benchmarks.Actors.Kernel;

using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Sn19.Benchmarks.Actors;
using BenchmarkDotNet.Configs;
using Sn19.Actors.Kernel;

/// <summary>
/// Tell throughput of the kernel against the floor it is built on: a plain bounded <see cref="Channel{T}"/> with
/// one consumer loop per channel, same capacity (1024), same per-message work (a shared countdown). Two groups:
/// one receiver, and 1,000 receivers fed round-robin. Ratio = channel time / actor time per category.
/// </summary>
[Config(typeof(ActorBenchmarkConfig))]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class TellThroughputBenchmarks
{
    private const int Messages = 200_000;
    private const int Capacity = 1024;
    private const int ManyReceivers = 1_000;
    private readonly Countdown _countdown = new();
    private ActorSystem? _system;
    private ActorRef<Ping>[] _oneActor = [];
    private ActorRef<Ping>[] _manyActors = [];
    private Channel<Ping>[] _oneChannel = [];
    private Channel<Ping>[] _manyChannels = [];

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", new ActorSystemOptions { MailboxCapacity = Capacity });
        _oneActor = [_system.Spawn("one", () => new CountingActor(_countdown))];
        _manyActors = [.. Enumerable.Range(0, ManyReceivers).Select(i => _system.Spawn($"many-{i}", () => new CountingActor(_countdown)))];
        _oneChannel = [StartConsumer()];
        _manyChannels = [.. Enumerable.Range(0, ManyReceivers).Select(_ => StartConsumer())];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var channel in _oneChannel.Concat(_manyChannels))
        {
            channel.Writer.TryComplete();
        }

        await _system!.ShutdownAsync(CancellationToken.None);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    [BenchmarkCategory("one receiver")]
    public Task ChannelOne() => SendToChannelsAsync(_oneChannel);

    [Benchmark(OperationsPerInvoke = Messages)]
    [BenchmarkCategory("one receiver")]
    public Task ActorOne() => SendToActorsAsync(_oneActor);

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    [BenchmarkCategory("1000 receivers")]
    public Task ChannelMany() => SendToChannelsAsync(_manyChannels);

    [Benchmark(OperationsPerInvoke = Messages)]
    [BenchmarkCategory("1000 receivers")]
    public Task ActorMany() => SendToActorsAsync(_manyActors);

    private async Task SendToActorsAsync(ActorRef<Ping>[] targets)
    {
        _countdown.Reset(Messages);
        for (var i = 0; i < Messages; i++)
        {
            var target = targets[i % targets.Length];
            if (target.Tell(Ping.Instance) != TellResult.Delivered)
            {
                await target.TellAsync(Ping.Instance, CancellationToken.None);
            }
        }

        await _countdown.Done;
    }

    private async Task SendToChannelsAsync(Channel<Ping>[] targets)
    {
        _countdown.Reset(Messages);
        for (var i = 0; i < Messages; i++)
        {
            var writer = targets[i % targets.Length].Writer;
            if (!writer.TryWrite(Ping.Instance))
            {
                await writer.WriteAsync(Ping.Instance, CancellationToken.None);
            }
        }

        await _countdown.Done;
    }

    private Channel<Ping> StartConsumer()
    {
        var channel = Channel.CreateBounded<Ping>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
        _ = Task.Run(async () =>
        {
            var reader = channel.Reader;
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out _))
                {
                    _countdown.Signal();
                }
            }
        });
        return channel;
    }
}
