namespace Sn19.Tests.Actors.Kernel;

using Sn19.Actors.Kernel;

public sealed class IntrospectionTests
{
    [Fact]
    public async Task DescribeAsync_ListsActorsUnderPrefix_WithSummaries()
    {
        await using var kernel = new KernelFixture();
        var subnet = kernel.Spawn("subnet");
        var contenders = await kernel.SpawnChildAsync(subnet, "contenders");
        var miner = await kernel.SpawnChildAsync(contenders, "5Fminer");
        kernel.Spawn("other");
        miner.Tell(new RecorderMessage.Note("hello"));
        await KernelFixture.NotesAsync(miner);

        var infos = await kernel.System.DescribeAsync("/user/subnet", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(["/user/subnet", "/user/subnet/contenders", "/user/subnet/contenders/5Fminer"], infos.Select(i => i.Path));
        var leaf = infos[2];
        Assert.Equal(nameof(RecorderActor), leaf.Type);
        Assert.Equal(ActorStatus.Running, leaf.Status);
        Assert.Equal(0, leaf.Restarts);
        Assert.Equal(kernel.Time.GetUtcNow(), leaf.LastMessageAt);
        Assert.Null(leaf.PersistenceId);
        Assert.Equal(1, leaf.Summary!.Value.GetProperty("notes").GetInt32());
        Assert.Equal("hello", leaf.Summary.Value.GetProperty("lastNote").GetString());
        Assert.Equal(1, infos[1].Children);
    }

    [Fact]
    public async Task DescribeAsync_BusyActor_ListedWithoutSummaryAndWithDepth()
    {
        await using var kernel = new KernelFixture();
        var actor = kernel.Spawn("busy");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new RecorderMessage.WaitFor(gate.Task, entered));
        await entered.Task;
        actor.Tell(new RecorderMessage.Note("queued"));
        actor.Tell(new RecorderMessage.Note("queued too"));

        var describe = kernel.System.DescribeOneAsync("/user/busy", TimeSpan.FromSeconds(2), CancellationToken.None);
        await Sn19.Tests.TestSupport.Testing.WaitUntilAsync(() => kernel.Time.ActiveTimers > 0);
        kernel.Time.Advance(TimeSpan.FromSeconds(2));
        var info = await describe;
        gate.SetResult();

        Assert.Null(info!.Summary);
        Assert.True(info.MailboxDepth >= 2);
    }

    [Fact]
    public async Task DescribeOneAsync_UnknownPath_ReturnsNull()
    {
        await using var kernel = new KernelFixture();

        Assert.Null(await kernel.System.DescribeOneAsync("/user/nobody", TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Null(await kernel.System.DescribeOneAsync("/user", TimeSpan.FromSeconds(1), CancellationToken.None));
    }
}
