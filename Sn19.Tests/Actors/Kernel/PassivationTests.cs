namespace Sn19.Tests.Actors.Kernel;

using Sn19.Actors.Kernel;
using Sn19.Tests.TestSupport;

public sealed class PassivationTests
{
    private static readonly ActorOptions Passivating = new() { PassivateAfter = TimeSpan.FromMinutes(1) };

    [Fact]
    public async Task Idle_PassivatesAndNextMessageRecreates()
    {
        await using var kernel = new KernelFixture();
        var actor = kernel.Spawn("idle", Passivating);
        actor.Tell(new RecorderMessage.Note("kept in memory"));
        await KernelFixture.NotesAsync(actor);

        kernel.Time.Advance(TimeSpan.FromMinutes(1));
        await Testing.WaitUntilAsync(() => kernel.Log.Contains("stopped /user/idle"));
        var info = await kernel.System.DescribeOneAsync("/user/idle", TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Equal(ActorStatus.Passivated, info!.Status);

        Assert.Empty(await KernelFixture.NotesAsync(actor));
        Assert.Equal(2, kernel.Log.Count(l => l == "started /user/idle"));
        Assert.False(actor.Stopped.IsCompleted);
    }

    [Fact]
    public async Task Busy_IsNotPassivated()
    {
        await using var kernel = new KernelFixture();
        var actor = kernel.Spawn("busy", Passivating);

        for (var i = 0; i < 4; i++)
        {
            kernel.Time.Advance(TimeSpan.FromSeconds(40));
            actor.Tell(new RecorderMessage.Note($"n{i}"));
            await KernelFixture.NotesAsync(actor);
        }

        Assert.Equal(4, (await KernelFixture.NotesAsync(actor)).Count);
        Assert.DoesNotContain("stopped /user/busy", kernel.Log);
    }
}
