namespace Sn19.Tests.Actors.Persistence;

using System.Globalization;
using Sn19.Actors.Persistence;
using Sn19.Actors.Persistence.Sqlite;
using Sn19.Tests.TestSupport;

/// <summary>Must show 1: a persisting process killed with SIGKILL loses no acknowledged event and duplicates none.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Increments = 10_000;
    private readonly TempDirectory _directory = new("sn19-crash");

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(700)]
    [InlineData(2_500)]
    public async Task SigkillPartWay_RestartedCounterEqualsAcknowledgedPersists(int killAfterAcks)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var acked = new List<long>();
        await using (var child = Sn19Process.Start(
            "ctl", "demo-node", "--data-dir", _directory.Path, "--counter-increments", Increments.ToString(CultureInfo.InvariantCulture)))
        {
            Assert.Equal("recovered value=0 seq=0", await child.ReadLineAsync(deadline.Token));
            while (acked.Count < killAfterAcks && await child.ReadLineAsync(deadline.Token) is { } line)
            {
                acked.Add(ParseAck(line));
            }

            await child.KillAsync();

            // Acks the child wrote before it died are still in the pipe; they count as acknowledged too.
            while (await child.ReadLineAsync(deadline.Token) is { } line)
            {
                acked.Add(ParseAck(line));
            }
        }

        Assert.InRange(acked.Count, killAfterAcks, Increments - 1);
        Assert.Equal(Enumerable.Range(1, acked.Count).Select(i => (long)i), acked);

        var stored = await ReadJournalAsync();
        var (exitCode, stdout, stderr) = await Sn19Process.RunAsync(
            60, "ctl", "demo-node", "--data-dir", _directory.Path, "--counter-increments", "0");
        Assert.True(exitCode == 0, stderr);
        var recovered = stdout.Split('\n')[0];

        // The exact claim. The child acknowledges sequence number n only after the append of event n has
        // committed, and it has at most one append in flight. So when it dies:
        //   (a) every acknowledged event is in the journal: stored >= acked (no loss);
        //   (b) the only event that can be stored but not acknowledged is the one committed just before the kill,
        //       between commit and the ack line reaching the pipe: stored <= acked + 1 (nothing else appears);
        //   (c) the journal's sequence numbers are exactly 1..stored (no gap, no duplicate: the primary key and the
        //       expected-sequence check forbid both), and each event adds 1, so the recovered value is `stored`.
        // Hence the restarted counter equals the number of acknowledged persists, plus at most that one
        // committed-but-unacknowledged event.
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(e => e.SequenceNr));
        Assert.InRange(stored.Count, acked.Count, acked.Count + 1);
        Assert.Equal($"recovered value={stored.Count} seq={stored.Count}", recovered);
    }

    private static long ParseAck(string line)
    {
        Assert.StartsWith("ack ", line, StringComparison.Ordinal);
        return long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
    }

    private async Task<List<JournalEvent>> ReadJournalAsync()
    {
        var database = await SqliteDatabase.OpenAsync(new SqlitePersistenceOptions { Path = _directory.File("journal.db") }, default);
        await using var journal = new SqliteJournal(database, ownsDatabase: true, TimeProvider.System);
        var events = new List<JournalEvent>();
        await foreach (var e in journal.ReadAsync("crash-counter", 1, default))
        {
            events.Add(e);
        }

        return events;
    }
}
