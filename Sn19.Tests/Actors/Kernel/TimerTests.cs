namespace Sn19.Tests.Actors.Kernel;

using Sn19.Tests.TestSupport;

public sealed class TimerTests
{
    [Fact]
    public async Task StartSingle_FiresOnceAfterDelay()
    {
        await using var kernel = new KernelFixture();
        var actor = kernel.Spawn("timed");
        await StartAsync(actor, "once", TimeSpan.FromSeconds(10), periodic: false);

        kernel.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(await KernelFixture.NotesAsync(actor));
        kernel.Time.Advance(TimeSpan.FromSeconds(1));
        await Testing.WaitUntilAsync(() => kernel.Log.Contains("note /user/timed tick"));
        kernel.Time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(["tick"], await KernelFixture.NotesAsync(actor));
    }

    [Fact]
    public async Task StartPeriodic_FiresEveryInterval_UntilCancelled()
    {
        await using var kernel = new KernelFixture();
        var actor = kernel.Spawn("timed");
        await StartAsync(actor, "tick", TimeSpan.FromSeconds(5), periodic: true);

        for (var i = 0; i < 3; i++)
        {
            kernel.Time.Advance(TimeSpan.FromSeconds(5));
        }

        await Testing.WaitUntilAsync(() => kernel.Log.Count(l => l == "note /user/timed tick") == 3);
        actor.Tell(new RecorderMessage.CancelTimer("tick"));
        await KernelFixture.NotesAsync(actor);
        kernel.Time.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(3, (await KernelFixture.NotesAsync(actor)).Count);
    }

    [Fact]
    public async Task Timers_ActorStops_TimersCancelled()
    {
        await using var kernel = new KernelFixture();
        var actor = kernel.Spawn("timed");
        await StartAsync(actor, "tick", TimeSpan.FromSeconds(5), periodic: true);
        await Testing.WaitUntilAsync(() => kernel.Time.ActiveTimers == 1);

        actor.Tell(new RecorderMessage.StopSelf());
        await actor.Stopped;

        Assert.Equal(0, kernel.Time.ActiveTimers);
    }

    private static async Task StartAsync(
        Sn19.Actors.Kernel.ActorRef<RecorderMessage> actor, string key, TimeSpan delay, bool periodic) =>
        (await KernelFixture.AskRealAsync<bool>(
            actor, r => new RecorderMessage.StartTimer(key, new RecorderMessage.Note("tick"), delay, periodic, r)))
        .GetValueOrThrow();
}
