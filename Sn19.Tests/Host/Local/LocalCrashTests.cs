namespace Sn19.Tests.Host.Local;

using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Sn19.Tests.TestSupport;

/// <summary>
/// `sn19 local` killed with SIGKILL in the middle of a period, then started again on the same data directory
/// (periods of 20 s so it takes about two minutes): every event a contender had acknowledged (its sequence
/// number as the admin API showed it just before the kill) is in the journal, numbered without gaps; the
/// restart closes the period the crash left open, scores the next one, and the weights rounds carry on.
/// </summary>
public sealed partial class LocalCrashTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly TempDirectory _directory = new("sn19-local-crash");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Local_KilledMidPeriod_RestartLosesNoAcknowledgedEventAndCarriesOn()
    {
        Dictionary<string, long> acknowledged;
        long crashedPeriod;
        List<string> openInCrashedPeriod;
        await using (var first = Start(periods: 5))
        {
            var live = await first.WaitForLineAsync(l => l.StartsWith("Live actors:", StringComparison.Ordinal), Patience);
            using var admin = AdminClient(live);
            await first.WaitForLineAsync(l => l.Contains("Weights round 0", StringComparison.Ordinal), Patience);
            (acknowledged, crashedPeriod, openInCrashedPeriod) = await WaitForQueriesInOpenPeriodAsync(admin);
            await first.KillAsync();
        }

        var journal = ReadJournal();
        foreach (var (persistenceId, sequenceNr) in acknowledged)
        {
            var stored = journal[persistenceId];
            Assert.True(stored.Max >= sequenceNr, $"{persistenceId}: acknowledged {sequenceNr}, journal holds {stored.Max}");
            Assert.Equal(stored.Max, stored.Count);
        }

        await using var second = Start(periods: 1);
        Assert.True(await second.WaitForExitAsync(Patience) == 0, string.Join('\n', second.Lines));
        var rounds = second.Lines.Select(l => WeightsRound().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(rounds);
        Assert.True(rounds.Min() >= 1, "the weights rounds started again at 0 after the restart");
        Assert.NotEmpty(openInCrashedPeriod);
        foreach (var persistenceId in openInCrashedPeriod)
        {
            Assert.Contains(crashedPeriod, ClosedPeriods(persistenceId));
        }
    }

    private Sn19Process Start(int periods) => Sn19Process.Start(
        "local", "--periods", periods.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", _directory.Path,
        "--set", "mechanism.period=20s", "--set", "admin.port=0");

    private HttpClient AdminClient(string liveLine)
    {
        var url = liveLine.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal));
        var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(_directory.File("admin.token")).Trim());
        return http;
    }

    /// <summary>Polls the admin API until a contender has recorded queries in an open period; then every
    /// persistent actor's sequence number, that period, and the contenders that had it open.</summary>
    private static async Task<(Dictionary<string, long> Acknowledged, long Period, List<string> OpenInPeriod)> WaitForQueriesInOpenPeriodAsync(HttpClient admin)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var json = JsonDocument.Parse(await admin.GetStringAsync("admin/actors", deadline.Token)).RootElement;
            var persistent = json.GetProperty("actors").EnumerateArray()
                .Where(a => a.GetProperty("persistenceId").ValueKind == JsonValueKind.String).ToList();
            var busy = persistent.FirstOrDefault(a =>
                OpenPeriodOf(a.GetProperty("summary")) is not null && a.GetProperty("summary").GetProperty("queries").GetInt32() >= 2);
            if (busy.ValueKind != JsonValueKind.Undefined)
            {
                var period = busy.GetProperty("summary").GetProperty("openPeriod").GetInt64();
                return (persistent.ToDictionary(a => a.GetProperty("persistenceId").GetString()!, a => a.GetProperty("sequenceNr").GetInt64()),
                    period,
                    [.. persistent.Where(a => OpenPeriodOf(a.GetProperty("summary")) == period).Select(a => a.GetProperty("persistenceId").GetString()!)]);
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    /// <summary>The period a contender summary has open (opened and not yet closed), or null.</summary>
    private static long? OpenPeriodOf(JsonElement summary) =>
        summary.TryGetProperty("openPeriod", out var open) && open.ValueKind == JsonValueKind.Number
        && !(summary.GetProperty("lastClosedPeriod") is { ValueKind: JsonValueKind.Number } closed && closed.GetInt64() == open.GetInt64())
            ? open.GetInt64()
            : null;

    private Dictionary<string, (long Max, long Count)> ReadJournal()
    {
        using var connection = new SqliteConnection($"Data Source={_directory.File("validator-journal.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT persistence_id, MAX(sequence_number), COUNT(*) FROM journal GROUP BY persistence_id";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return rows;
    }

    private List<long> ClosedPeriods(string persistenceId)
    {
        using var connection = new SqliteConnection($"Data Source={_directory.File("validator-journal.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message FROM journal WHERE persistence_id = $id AND manifest = 'contender.period-closed'";
        command.Parameters.AddWithValue("$id", persistenceId);
        using var reader = command.ExecuteReader();
        var periods = new List<long>();
        while (reader.Read())
        {
            periods.Add(JsonDocument.Parse((byte[])reader[0]).RootElement.GetProperty("period").GetInt64());
        }

        return periods;
    }

    [GeneratedRegex(@"Weights round (\d+):")]
    private static partial Regex WeightsRound();
}
