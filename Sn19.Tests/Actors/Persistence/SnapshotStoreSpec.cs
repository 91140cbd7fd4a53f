namespace Sn19.Tests.Actors.Persistence;

using System.Text;
using Sn19.Actors.Persistence;

/// <summary>The snapshot store conformance suite every backend inherits.</summary>
public abstract class SnapshotStoreSpec : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private ISnapshotStore? _store;

    protected ISnapshotStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await CleanUpAsync();
    }

    [Fact]
    public async Task LoadLatest_None_ReturnsNull() => Assert.Null(await Store.LoadLatestAsync(NewId(), default));

    [Fact]
    public async Task LoadLatest_ReturnsHighestSequenceNr()
    {
        var id = NewId();
        await Store.SaveAsync(Snapshot(id, 10, "ten"), default);
        await Store.SaveAsync(Snapshot(id, 30, "thirty"), default);
        await Store.SaveAsync(Snapshot(id, 20, "twenty"), default);

        var latest = await Store.LoadLatestAsync(id, default);

        Assert.Equal(30, latest!.SequenceNr);
        Assert.Equal("thirty", Encoding.UTF8.GetString(latest.Payload));
        Assert.Equal("test.state", latest.Manifest);
        Assert.Equal(At, latest.WrittenAt);
    }

    [Fact]
    public async Task Save_SameSequenceNr_Replaces()
    {
        var id = NewId();
        await Store.SaveAsync(Snapshot(id, 5, "old"), default);

        await Store.SaveAsync(Snapshot(id, 5, "new"), default);

        Assert.Equal("new", Encoding.UTF8.GetString((await Store.LoadLatestAsync(id, default))!.Payload));
    }

    [Fact]
    public async Task DeleteUpTo_RemovesOlderSnapshots()
    {
        var id = NewId();
        await Store.SaveAsync(Snapshot(id, 10, "ten"), default);
        await Store.SaveAsync(Snapshot(id, 20, "twenty"), default);

        await Store.DeleteUpToAsync(id, 20, default);
        Assert.Null(await Store.LoadLatestAsync(id, default));
    }

    [Fact]
    public async Task PersistenceIds_AreIndependent()
    {
        var first = NewId();
        var second = NewId();
        await Store.SaveAsync(Snapshot(first, 1, "first"), default);

        Assert.Null(await Store.LoadLatestAsync(second, default));
        Assert.Equal("first", Encoding.UTF8.GetString((await Store.LoadLatestAsync(first, default))!.Payload));
    }

    protected abstract Task<ISnapshotStore> CreateStoreAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private static string NewId() => $"snap-{Guid.NewGuid():N}";

    private static SnapshotEntry Snapshot(string id, long sequenceNr, string text) =>
        new(id, sequenceNr, "test.state", Encoding.UTF8.GetBytes(text), At);
}
