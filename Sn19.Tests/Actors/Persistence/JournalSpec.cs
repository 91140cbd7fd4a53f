namespace Sn19.Tests.Actors.Persistence;

using System.Text;
using Sn19.Actors.Persistence;

/// <summary>
/// The journal conformance suite: every backend's test class inherits it and must pass every case.
/// Each test uses its own persistence id, so one store per class is shared by all its tests.
/// </summary>
public abstract class JournalSpec : IAsyncLifetime
{
    private IJournal? _journal;

    protected IJournal Journal => _journal ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public async Task InitializeAsync() => _journal = await CreateJournalAsync();

    public async Task DisposeAsync()
    {
        if (_journal is not null)
        {
            await _journal.DisposeAsync();
        }

        await CleanUpAsync();
    }

    [Fact]
    public async Task Append_ThenRead_ReturnsEventsInOrderWithSequenceNumbers()
    {
        var id = NewId();

        Assert.Equal(AppendOutcome.Appended, await Journal.AppendAsync(id, 0, Events("a", "b", "c"), default));
        Assert.Equal(AppendOutcome.Appended, await Journal.AppendAsync(id, 3, Events("d"), default));

        var stored = await ReadAllAsync(id, 1);
        Assert.Equal([1L, 2, 3, 4], stored.Select(e => e.SequenceNr));
        Assert.Equal(["a", "b", "c", "d"], stored.Select(e => Encoding.UTF8.GetString(e.Payload)));
        Assert.All(stored, e => Assert.Equal("test.note", e.Manifest));
        Assert.All(stored, e => Assert.Equal(id, e.PersistenceId));
    }

    [Fact]
    public async Task Read_FromSequenceNr_ReturnsTail()
    {
        var id = NewId();
        await Journal.AppendAsync(id, 0, Events("a", "b", "c", "d", "e"), default);

        Assert.Equal([3L, 4, 5], (await ReadAllAsync(id, 3)).Select(e => e.SequenceNr));
        Assert.Empty(await ReadAllAsync(id, 6));
        Assert.Empty(await ReadAllAsync(NewId(), 1));
    }

    [Fact]
    public async Task Append_PayloadBytes_RoundTripExactly()
    {
        var id = NewId();
        byte[] payload = [0, 1, 2, 255, 0, 128, 10, 13];

        await Journal.AppendAsync(id, 0, [new EventPayload("bin", payload)], default);

        Assert.Equal(payload, (await ReadAllAsync(id, 1)).Single().Payload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Append_WrongExpectedSequenceNr_ConflictsAndWritesNothing(long expected)
    {
        var id = NewId();
        await Journal.AppendAsync(id, 0, Events("a", "b"), default);

        Assert.Equal(AppendOutcome.Conflict, await Journal.AppendAsync(id, expected, Events("x", "y"), default));

        Assert.Equal(["a", "b"], (await ReadAllAsync(id, 1)).Select(e => Encoding.UTF8.GetString(e.Payload)));
        Assert.Equal(2, await Journal.ReadHighestSequenceNrAsync(id, default));
    }

    [Fact]
    public async Task Append_ConcurrentWritersAtSameSequenceNr_ExactlyOneWins()
    {
        var id = NewId();
        await Journal.AppendAsync(id, 0, Events("base"), default);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Journal.AppendAsync(id, 1, Events($"w{i}-1", $"w{i}-2", $"w{i}-3"), default))));

        var winner = Array.IndexOf(outcomes, AppendOutcome.Appended);
        Assert.Single(outcomes, o => o == AppendOutcome.Appended);
        var stored = await ReadAllAsync(id, 1);
        Assert.Equal(
            ["base", $"w{winner}-1", $"w{winner}-2", $"w{winner}-3"],
            stored.Select(e => Encoding.UTF8.GetString(e.Payload)));
    }

    [Fact]
    public async Task ReadHighestSequenceNr_NoEvents_IsZero() =>
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync(NewId(), default));

    [Fact]
    public async Task DeleteUpTo_RemovesPrefix_KeepsHighestSequenceNr()
    {
        var id = NewId();
        await Journal.AppendAsync(id, 0, Events("a", "b", "c"), default);

        await Journal.DeleteUpToAsync(id, 2, default);

        Assert.Equal([3L], (await ReadAllAsync(id, 1)).Select(e => e.SequenceNr));
        Assert.Equal(3, await Journal.ReadHighestSequenceNrAsync(id, default));
    }

    [Fact]
    public async Task DeleteUpTo_All_StaleWriterStillConflicts()
    {
        var id = NewId();
        await Journal.AppendAsync(id, 0, Events("a", "b", "c"), default);

        await Journal.DeleteUpToAsync(id, long.MaxValue, default);

        Assert.Empty(await ReadAllAsync(id, 1));
        Assert.Equal(3, await Journal.ReadHighestSequenceNrAsync(id, default));
        Assert.Equal(AppendOutcome.Conflict, await Journal.AppendAsync(id, 1, Events("stale"), default));
        Assert.Equal(AppendOutcome.Appended, await Journal.AppendAsync(id, 3, Events("d"), default));
        Assert.Equal([4L], (await ReadAllAsync(id, 1)).Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task PersistenceIds_AreIndependent()
    {
        var first = NewId();
        var second = NewId();

        await Journal.AppendAsync(first, 0, Events("1a", "1b"), default);
        await Journal.AppendAsync(second, 0, Events("2a"), default);

        Assert.Equal(2, await Journal.ReadHighestSequenceNrAsync(first, default));
        Assert.Equal(["2a"], (await ReadAllAsync(second, 1)).Select(e => Encoding.UTF8.GetString(e.Payload)));
    }

    [Fact]
    public async Task Append_EmptyBatch_IsANoOp()
    {
        var id = NewId();

        Assert.Equal(AppendOutcome.Appended, await Journal.AppendAsync(id, 0, [], default));
        Assert.Equal(0, await Journal.ReadHighestSequenceNrAsync(id, default));
    }

    protected abstract Task<IJournal> CreateJournalAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private static string NewId() => $"spec-{Guid.NewGuid():N}";

    private static EventPayload[] Events(params string[] texts) =>
        [.. texts.Select(t => new EventPayload("test.note", Encoding.UTF8.GetBytes(t)))];

    private async Task<List<JournalEvent>> ReadAllAsync(string id, long from)
    {
        var events = new List<JournalEvent>();
        await foreach (var e in Journal.ReadAsync(id, from, default))
        {
            events.Add(e);
        }

        return events;
    }
}
