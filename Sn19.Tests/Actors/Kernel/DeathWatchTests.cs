namespace Sn19.Tests.Actors.Kernel;

using Sn19.Tests.TestSupport;

public sealed class DeathWatchTests
{
    [Fact]
    public async Task Watch_WatchedActorStops_WatcherGetsTerminated()
    {
        await using var kernel = new KernelFixture();
        var watcher = kernel.Spawn("watcher");
        var watched = kernel.Spawn("watched");
        (await KernelFixture.AskRealAsync<bool>(watcher, r => new RecorderMessage.WatchIt(watched, r))).GetValueOrThrow();

        watched.Tell(new RecorderMessage.StopSelf());

        await Testing.WaitUntilAsync(() => kernel.Log.Contains("terminated /user/watcher <- /user/watched Stopped"));
    }

    [Fact]
    public async Task Watch_AlreadyStoppedActor_WatcherGetsTerminatedAtOnce()
    {
        await using var kernel = new KernelFixture();
        var watcher = kernel.Spawn("watcher");
        var watched = kernel.Spawn("watched");
        watched.Tell(new RecorderMessage.StopSelf());
        await watched.Stopped;

        (await KernelFixture.AskRealAsync<bool>(watcher, r => new RecorderMessage.WatchIt(watched, r))).GetValueOrThrow();

        await Testing.WaitUntilAsync(() => kernel.Log.Contains("terminated /user/watcher <- /user/watched Stopped"));
    }
}
