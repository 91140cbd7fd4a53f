namespace Sn19.Benchmarks.Actors.Hosting;

using System.Threading.Channels;
using Akka.Actor;
using BenchmarkDotNet.Attributes;
using Sn19.Actors.Hosting;
using Sn19.Actors.Persistence;

/// <summary>
/// Akka.NET tells against the floor under them: two parties passing one counter back and forth 100,000 times,
/// as two actors (each <c>Tell</c> to the other's mailbox) and as two tasks over two unbounded
/// <see cref="Channel{T}"/>s. Ratio = channel time / actor time; each message is one hop either way.
/// <code>dotnet run -c Release --project Sn19.Benchmarks -- --filter '*TellPingPong*'</code>
/// </summary>
[Config(typeof(ActorBenchmarkConfig))]
public class TellPingPongBenchmarks
{
    private const int Hops = 100_000;
    private NodeActorSystem? _node;

    [GlobalSetup]
    public void Setup() =>
        _node = NodeActorSystem.StartAsync("bench", NodeConfig.Build(null, new PersistenceOptions()), null, null, default).GetAwaiter().GetResult();

    /// <summary>Synchronous on purpose: the in-process toolchain does not await an async GlobalCleanup.</summary>
    [GlobalCleanup]
    public void Cleanup() => _node!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Hops)]
    public async Task ChannelPingPong()
    {
        var ping = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var pong = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var other = Task.Run(() => BounceAsync(ping.Reader, pong.Writer));
        await ping.Writer.WriteAsync(Hops);
        await BounceAsync(pong.Reader, ping.Writer);
        await other;
    }

    [Benchmark(OperationsPerInvoke = Hops)]
    public async Task ActorPingPong()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var system = _node!.System;
        var a = system.ActorOf(Props.Create(() => new PingPongActor(done)));
        var b = system.ActorOf(Props.Create(() => new PingPongActor(done)));
        a.Tell(Hops, b);
        await done.Task;
        system.Stop(a);
        system.Stop(b);
    }

    /// <summary>Passes each number on, one less; the side that sends or receives 0 stops.</summary>
    private static async Task BounceAsync(ChannelReader<int> from, ChannelWriter<int> to)
    {
        await foreach (var n in from.ReadAllAsync())
        {
            if (n > 0)
            {
                await to.WriteAsync(n - 1);
            }

            if (n <= 1)
            {
                break;
            }
        }

        to.TryComplete();
    }
}
