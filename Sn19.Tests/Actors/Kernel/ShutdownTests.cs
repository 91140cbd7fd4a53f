namespace Sn19.Tests.Actors.Kernel;

using Sn19.Tests.TestSupport;

public sealed class ShutdownTests
{
    [Fact]
    public async Task ShutdownAsync_StopsChildrenBeforeParents()
    {
        var kernel = new KernelFixture();
        var root = kernel.Spawn("root");
        var middle = await kernel.SpawnChildAsync(root, "middle");
        await kernel.SpawnChildAsync(middle, "leaf");
        await kernel.SpawnChildAsync(root, "sibling");

        await kernel.System.ShutdownAsync(CancellationToken.None);

        var stops = kernel.Log.Where(l => l.StartsWith("stopped ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, stops.Count);
        Assert.True(stops.IndexOf("stopped /user/root/middle/leaf") < stops.IndexOf("stopped /user/root/middle"));
        Assert.True(stops.IndexOf("stopped /user/root/middle") < stops.IndexOf("stopped /user/root"));
        Assert.True(stops.IndexOf("stopped /user/root/sibling") < stops.IndexOf("stopped /user/root"));
        Assert.True(kernel.System.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task ShutdownAsync_ProcessesMessagesAlreadyAccepted()
    {
        var kernel = new KernelFixture(mailboxCapacity: 256);
        var actor = kernel.Spawn("worker");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new RecorderMessage.WaitFor(gate.Task));
        for (var i = 0; i < 100; i++)
        {
            actor.Tell(new RecorderMessage.Note($"n{i}"));
        }

        var shutdown = kernel.System.ShutdownAsync(CancellationToken.None);
        await Testing.WaitUntilAsync(() => actor.Tell(new RecorderMessage.Ignore("probe")) == Sn19.Actors.Kernel.TellResult.Dead);
        Assert.Equal(Sn19.Actors.Kernel.TellResult.Dead, actor.Tell(new RecorderMessage.Note("late")));
        gate.SetResult();
        await shutdown;

        Assert.Equal(100, kernel.Log.Count(l => l.StartsWith("note /user/worker n", StringComparison.Ordinal)));
        Assert.DoesNotContain("note /user/worker late", kernel.Log);
    }
}
