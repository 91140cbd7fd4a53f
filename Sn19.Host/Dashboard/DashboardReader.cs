namespace Sn19.Host.Dashboard;

using Sn19.Actors.History;
using Sn19.Actors.Subnet.Metagraphs;

/// <summary>
/// Builds the dashboard's answers from the history (shared by every node of the cluster, so each node's page shows
/// the same numbers) and from the node's own view of the chain (the Yuma results). Each answer is a handful of
/// indexed reads: the latest period's rows, ten rounds, the newest round's weights, the organic window.
/// </summary>
internal sealed class DashboardReader(DashboardSources sources, DashboardOptions options, TimeProvider time)
{
    private const int Rounds = 10;

    private readonly HistoryQueries history = new(sources.History);

    public async Task<DashboardOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var latest = await history.LatestPeriodAsync(cancellationToken);
        var rows = latest is { } period ? await history.PeriodAsync(period, cancellationToken) : [];
        var tasks = sources.Tasks
            .Select(t => new TaskBoard(t.Id, t.Model, rows.Where(r => r.TaskId == t.Id)
                .OrderByDescending(r => r.PeriodScore ?? -1).ThenBy(r => r.Uid ?? ushort.MaxValue).ToList()))
            .ToList();
        var rounds = await history.RoundsAsync(Rounds, cancellationToken);
        var weights = rounds.Count > 0 ? await history.RoundWeightsAsync(rounds[0].Round, cancellationToken) : [];
        var span = rows.Count > 0 ? new PeriodSpan(rows[0].Period, rows[0].Start, rows[0].End) : null;
        return new DashboardOverview(
            sources.Validator, now, (int)Math.Ceiling(options.Refresh.TotalSeconds), span, tasks, rounds, weights, Yuma(sources.Metagraph()),
            await OrganicAsync(now, cancellationToken));
    }

    public async Task<MinerPage> MinerAsync(string hotkey, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - options.History;
        var periods = await history.MinerAsync(hotkey, since, cancellationToken);
        var weights = await history.MinerWeightsAsync(hotkey, since, cancellationToken);
        ushort? uid = sources.Metagraph().TryGetNeuron(hotkey, out var neuron) ? neuron.Uid : periods.LastOrDefault()?.Uid;
        return new MinerPage(hotkey, uid, options.History.TotalDays, periods, weights);
    }

    private async Task<OrganicView> OrganicAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var totals = await history.OrganicSinceAsync(now - options.OrganicWindow, cancellationToken);
        return new OrganicView(
            options.OrganicWindow.TotalHours,
            totals.FirstOrDefault(t => t.TaskId.Length == 0 && t.KeyId.Length == 0),
            totals.Where(t => t.TaskId.Length > 0 && t.KeyId.Length == 0).ToList(),
            totals.Where(t => t.TaskId.Length == 0 && t.KeyId.Length > 0).OrderByDescending(t => t.Requests).ToList(),
            totals.Where(t => t.TaskId.Length > 0 && t.KeyId.Length > 0).ToList());
    }

    private static YumaView Yuma(MetagraphView view)
    {
        var graph = view.Metagraph;
        var neurons = graph.Neurons
            .OrderByDescending(n => n.Incentive).ThenBy(n => n.Uid)
            .Select(n => new YumaRow(
                n.Uid, n.Hotkey, n.ValidatorPermit, n.Incentive / 65535.0, n.Dividends / 65535.0, n.Consensus / 65535.0,
                n.ValidatorTrust / 65535.0, n.EmissionRao / 1e9))
            .ToList();
        return new YumaView(graph.Block, graph.LastEpochBlock, neurons);
    }
}
