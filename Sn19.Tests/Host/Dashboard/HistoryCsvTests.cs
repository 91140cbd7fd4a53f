namespace Sn19.Tests.Host.Dashboard;

using Sn19.Actors.History;
using Sn19.Host.Cli.Ctl;

public sealed class HistoryCsvTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Contenders_WriteEveryColumn_UnknownsEmpty_AndQuoteWhatNeedsIt()
    {
        var writer = new StringWriter { NewLine = "\n" };
        HistoryCsv.WriteContenders(writer, [
            new PeriodHistoryRow(7, Start, Start.AddMinutes(30), "chat", "5Alice", 1, 2400, 2400, 5, 1, 2, 0.9, 310.5, 0.1 + 0.2, 0.6, null),
            new PeriodHistoryRow(7, Start, Start.AddMinutes(30), "odd,\"task\"", "5Bob", null, 0, 0, 0, 0, 0, null, double.NaN, null, null, null),
        ]);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(HistoryCsv.ContenderHeader, lines[0]);
        Assert.Equal("7,2026-12-07T10:00:00.000Z,2026-12-07T10:30:00.000Z,chat,1,5Alice,2400,2400,5,1,2,0.9,310.5,0.30000000000000004,0.6,", lines[1]);
        Assert.Equal("7,2026-12-07T10:00:00.000Z,2026-12-07T10:30:00.000Z,\"odd,\"\"task\"\"\",,5Bob,0,0,0,0,0,,,,,", lines[2]);
    }

    [Fact]
    public void Weights_WriteRoundTimeUidHotkeyWeightAndU16()
    {
        var writer = new StringWriter { NewLine = "\n" };
        HistoryCsv.WriteWeights(writer, [new WeightHistoryRow(3, Start, "5Alice", 1, 0.25, 16384), new WeightHistoryRow(3, Start, "5Gone", null, 0.5, 0)]);
        Assert.Equal(
            $"{HistoryCsv.WeightHeader}\n3,2026-12-07T10:00:00.000Z,1,5Alice,0.25,16384\n3,2026-12-07T10:00:00.000Z,,5Gone,0.5,0\n",
            writer.ToString());
    }
}
