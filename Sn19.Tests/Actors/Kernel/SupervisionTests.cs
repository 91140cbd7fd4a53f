namespace Sn19.Tests.Actors.Kernel;

using Sn19.Actors.Kernel;
using Sn19.Tests.TestSupport;

public sealed class SupervisionTests
{
    [Fact]
    public async Task Receive_Throws_RestartsAfterBackoffWithFreshState()
    {
        var supervision = new SupervisionOptions { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(8), MaxRestarts = 5 };
        await using var kernel = new KernelFixture(supervision);
        var actor = kernel.Spawn("flaky");
        actor.Tell(new RecorderMessage.Note("before"));
        actor.Tell(new RecorderMessage.Fail("boom"));
        actor.Tell(new RecorderMessage.Note("after"));
        await Testing.WaitUntilAsync(() => kernel.Log.Contains("stopped /user/flaky"));
        await Testing.WaitUntilAsync(() => kernel.Time.ActiveTimers > 0);

        // Still backing off: the restart waits for the fake clock.
        Assert.Single(kernel.Log, l => l == "started /user/flaky");
        kernel.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["after"], await KernelFixture.NotesAsync(actor));
        var info = await kernel.System.DescribeOneAsync("/user/flaky", TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(1, info!.Restarts);
    }

    [Fact]
    public void BackoffFor_Doubles_UpToMax()
    {
        var supervision = new SupervisionOptions { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(5) };

        Assert.Equal(
            [1, 2, 4, 5, 5],
            Enumerable.Range(1, 5).Select(n => supervision.BackoffFor(n).TotalSeconds));
    }

    [Fact]
    public async Task Receive_ThrowsMoreThanMaxRestarts_StopsAndParentIsTold()
    {
        await using var kernel = new KernelFixture(new SupervisionOptions { MinBackoff = TimeSpan.Zero, MaxRestarts = 2 });
        var parent = kernel.Spawn("parent");
        var child = await kernel.SpawnChildAsync(parent, "child");

        for (var i = 0; i < 3; i++)
        {
            child.Tell(new RecorderMessage.Fail($"failure {i}"));
        }

        await child.Stopped;
        await Testing.WaitUntilAsync(() => kernel.Log.Contains("terminated /user/parent <- /user/parent/child Failed"));
        Assert.Equal(3, kernel.Log.Count(l => l == "started /user/parent/child"));
        Assert.Null(kernel.System.Find("/user/parent/child"));
        Assert.Empty(await KernelFixture.NotesAsync(parent));
    }

    [Fact]
    public async Task Receive_FailuresOutsideWindow_DoNotAccumulate()
    {
        var supervision = new SupervisionOptions { MinBackoff = TimeSpan.Zero, MaxRestarts = 1, Window = TimeSpan.FromSeconds(10) };
        await using var kernel = new KernelFixture(supervision);
        var actor = kernel.Spawn("occasional");

        for (var i = 0; i < 3; i++)
        {
            actor.Tell(new RecorderMessage.Fail("once in a while"));
            await KernelFixture.NotesAsync(actor);
            kernel.Time.Advance(TimeSpan.FromSeconds(11));
        }

        Assert.False(actor.Stopped.IsCompleted);
        Assert.Equal(4, kernel.Log.Count(l => l == "started /user/occasional"));
    }

    [Fact]
    public async Task Receive_ThrowsFatal_StopsWithoutRestart()
    {
        await using var kernel = new KernelFixture();
        var parent = kernel.Spawn("parent");
        var child = await kernel.SpawnChildAsync(parent, "child");

        child.Tell(new RecorderMessage.FailFatally("conflict"));

        await child.Stopped;
        Assert.Single(kernel.Log, l => l == "started /user/parent/child");
        await Testing.WaitUntilAsync(() => kernel.Log.Contains("terminated /user/parent <- /user/parent/child Failed"));
    }

    [Fact]
    public async Task Restart_StopsChildrenOfTheFailedInstance()
    {
        await using var kernel = new KernelFixture();
        var parent = kernel.Spawn("parent");
        var child = await kernel.SpawnChildAsync(parent, "child");

        parent.Tell(new RecorderMessage.Fail("parent fails"));

        await child.Stopped;
        await KernelFixture.NotesAsync(parent);
        Assert.Equal(2, kernel.Log.Count(l => l == "started /user/parent"));
    }
}
