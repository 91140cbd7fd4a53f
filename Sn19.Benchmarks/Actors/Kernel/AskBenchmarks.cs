namespace Sn19.Benchmarks.Actors.Kernel;

using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Sn19.Benchmarks.Actors;
using Sn19.Actors.Kernel;

/// <summary>
/// One ask round trip (tell + reply + await, with timeout and death watch of the target) against a bare
/// request/reply over a channel and a TaskCompletionSource, the least such a round trip can cost.
/// </summary>
[Config(typeof(ActorBenchmarkConfig))]
public class AskBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private ActorSystem? _system;
    private ActorRef<Echo>? _echo;
    private Channel<(int Value, TaskCompletionSource<int> Reply)>? _channel;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _echo = _system.Spawn("echo", () => new EchoActor());
        _channel = Channel.CreateBounded<(int, TaskCompletionSource<int>)>(new BoundedChannelOptions(1024) { SingleReader = true });
        _ = Task.Run(async () =>
        {
            await foreach (var (value, reply) in _channel.Reader.ReadAllAsync())
            {
                reply.TrySetResult(value);
            }
        });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _channel!.Writer.TryComplete();
        await _system!.ShutdownAsync(CancellationToken.None);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> ChannelRequestReply()
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _channel!.Writer.WriteAsync((42, reply));
        return await reply.Task;
    }

    [Benchmark]
    public async Task<int> Ask()
    {
        var result = await _echo!.AskAsync<int>(r => new Echo(42, r), Timeout, CancellationToken.None);
        return result.Value;
    }
}
