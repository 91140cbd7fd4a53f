namespace Sn19.Tests.Actors.Kernel;

using Sn19.Actors.Kernel;
using Sn19.Tests.TestSupport;

public sealed class ActorRefTests
{
    [Fact]
    public async Task Tell_ManyMessages_ProcessedInOrder()
    {
        await using var kernel = new KernelFixture(mailboxCapacity: 2000);
        var actor = kernel.Spawn("recorder");
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(TellResult.Delivered, actor.Tell(new RecorderMessage.Note(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        var notes = await KernelFixture.NotesAsync(actor);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), notes);
    }

    [Fact]
    public async Task Tell_FullMailbox_ReturnsMailboxFull()
    {
        await using var kernel = new KernelFixture(mailboxCapacity: 4);
        var actor = kernel.Spawn("busy");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new RecorderMessage.WaitFor(gate.Task));
        await Testing.WaitUntilAsync(() => actor.Tell(new RecorderMessage.Ignore("probe")) == TellResult.MailboxFull);

        Assert.Equal(TellResult.MailboxFull, actor.Tell(new RecorderMessage.Note("overflow")));
        gate.SetResult();
        Assert.DoesNotContain("overflow", await KernelFixture.NotesAsync(actor));
    }

    [Fact]
    public async Task TellAsync_FullMailbox_WaitsForRoom()
    {
        await using var kernel = new KernelFixture(mailboxCapacity: 2);
        var actor = kernel.Spawn("busy");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new RecorderMessage.WaitFor(gate.Task));
        await Testing.WaitUntilAsync(() => actor.Tell(new RecorderMessage.Ignore("probe")) == TellResult.MailboxFull);

        var pending = actor.TellAsync(new RecorderMessage.Note("waited"), CancellationToken.None).AsTask();
        Assert.False(pending.IsCompleted);
        gate.SetResult();

        Assert.Equal(TellResult.Delivered, await pending);
        Assert.Contains("waited", await KernelFixture.NotesAsync(actor));
    }

    [Fact]
    public async Task Tell_StoppedActor_ReturnsDead()
    {
        await using var kernel = new KernelFixture();
        var actor = kernel.Spawn("short-lived");
        actor.Tell(new RecorderMessage.StopSelf());
        await actor.Stopped;

        Assert.Equal(TellResult.Dead, actor.Tell(new RecorderMessage.Note("late")));
        var ask = await actor.AskAsync<IReadOnlyList<string>>(r => new RecorderMessage.GetNotes(r), TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Equal(AskStatus.Dead, ask.Status);
    }

    [Fact]
    public async Task AskAsync_NoReply_TimesOutOnTheSystemClock()
    {
        await using var kernel = new KernelFixture();
        var actor = kernel.Spawn("silent");
        var ask = actor.AskAsync<IReadOnlyList<string>>(
            _ => new RecorderMessage.Ignore("no reply"), TimeSpan.FromSeconds(5), CancellationToken.None);
        await Testing.WaitUntilAsync(() => kernel.Time.ActiveTimers > 0);
        Assert.False(ask.IsCompleted);

        kernel.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(AskStatus.Timeout, (await ask).Status);
    }

    [Fact]
    public async Task AskAsync_Cancelled_Throws()
    {
        await using var kernel = new KernelFixture();
        var actor = kernel.Spawn("silent");
        using var cancellation = new CancellationTokenSource();
        var ask = actor.AskAsync<int>(_ => new RecorderMessage.Ignore("no reply"), TimeSpan.FromMinutes(1), cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task ReplyTo_ToActor_DeliversReplyIntoMailbox()
    {
        await using var kernel = new KernelFixture();
        var source = kernel.Spawn("source");
        var sink = kernel.Spawn("sink");
        var replyTo = ReplyTo<IReadOnlyList<string>>.To(sink, notes => new RecorderMessage.Note($"got {notes.Count}"));
        source.Tell(new RecorderMessage.Note("a"));

        source.Tell(new RecorderMessage.GetNotes(replyTo));

        await Testing.WaitUntilAsync(() => kernel.Log.Contains("note /user/sink got 1"));
        Assert.False(replyTo.Reply(["second"]));
    }

    [Fact]
    public async Task Spawn_DuplicateName_Throws()
    {
        await using var kernel = new KernelFixture();
        kernel.Spawn("one");

        Assert.Throws<InvalidOperationException>(() => kernel.Spawn("one"));
        Assert.Throws<ArgumentException>(() => kernel.Spawn("a/b"));
    }
}
