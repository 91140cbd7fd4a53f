namespace Sn19.Host.Dashboard;

using Akka.Actor;
using Sn19.Actors.History;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Validation;

/// <summary>What the dashboard reads: the history, the validator's hotkey and tasks, its view of the chain, and the
/// actor system whose cluster and shards the gauges count (null: no such gauges).</summary>
internal sealed record DashboardSources(
    HistoryStore History, string Validator, IReadOnlyList<TaskDefinition> Tasks, Func<MetagraphView> Metagraph, ActorSystem? System)
{
    public static DashboardSources Of(ValidatorNode node, HistoryStore history)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new DashboardSources(history, node.Settings.Hotkey, node.Settings.Tasks.Enabled, () => node.Metagraph, node.System);
    }
}
