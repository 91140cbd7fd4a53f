namespace Sn19.Tests.Actors.Kernel;

using System.Collections.Concurrent;
using Sn19.Actors.Kernel;
using Sn19.Tests.TestSupport;

/// <summary>One actor system on a fake clock per test, with the shared lifecycle log.</summary>
public sealed class KernelFixture : IAsyncDisposable
{
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public KernelFixture(SupervisionOptions? supervision = null, int mailboxCapacity = 64)
    {
        System = ActorSystem.Create(
            "test",
            new ActorSystemOptions
            {
                MailboxCapacity = mailboxCapacity,
                Supervision = supervision ?? new SupervisionOptions { MinBackoff = TimeSpan.Zero, MaxRestarts = 3 },
            },
            Time);
    }

    public ManualTimeProvider Time { get; } = new();

    public ActorSystem System { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    public ActorRef<RecorderMessage> Spawn(string name, ActorOptions? options = null) =>
        System.Spawn(name, () => new RecorderActor(Log), options);

    public static async Task<IReadOnlyList<string>> NotesAsync(ActorRef<RecorderMessage> actor) =>
        (await AskRealAsync<IReadOnlyList<string>>(actor, r => new RecorderMessage.GetNotes(r))).GetValueOrThrow();

    /// <summary>Ask with a long timeout on the fake clock: it only fires if a test advances time that far.</summary>
    public static Task<AskResult<T>> AskRealAsync<T>(
        ActorRef<RecorderMessage> actor, Func<ReplyTo<T>, RecorderMessage> build) =>
        actor.AskAsync(build, AskTimeout, CancellationToken.None);

    public async Task<ActorRef<RecorderMessage>> SpawnChildAsync(
        ActorRef<RecorderMessage> parent, string name, ActorOptions? options = null) =>
        (await AskRealAsync<ActorRef<RecorderMessage>>(parent, r => new RecorderMessage.SpawnChild(name, options, r)))
        .GetValueOrThrow();

    public async ValueTask DisposeAsync() => await System.DisposeAsync();
}
