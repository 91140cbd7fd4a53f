namespace Sn19.Host.Cli.Ctl;

using System.Globalization;
using Sn19.Host.Admin;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>Spectre tables for `sn19 ctl cluster` and `sn19 ctl shards`.</summary>
internal static class ClusterTables
{
    public static IRenderable Members(ClusterStateResponse state)
    {
        var table = new Table().Title(Markup.Escape(
            $"cluster {state.System}: {state.Members.Count} member(s), leader {state.Leader ?? "none"}, seen from {state.Self}"));
        foreach (var header in new[] { "address", "status", "roles", "reachable", "oldest" })
        {
            table.AddColumn(header);
        }

        foreach (var m in state.Members)
        {
            table.AddRow(
                Markup.Escape(m.Address + (m.Address == state.Self ? " (this node)" : "")), m.Status, Markup.Escape(string.Join(", ", m.Roles)),
                m.Reachable ? "yes" : "[red]NO[/]", m.Oldest ? "yes" : "");
        }

        return table;
    }

    public static IRenderable Shards(ShardListResponse shards)
    {
        var table = new Table().Title(Markup.Escape($"shard regions on {shards.Node}"));
        foreach (var header in new[] { "region", "shard", "entities", "entity ids" })
        {
            table.AddColumn(header);
        }

        foreach (var region in shards.Regions)
        {
            table.AddRow(
                Markup.Escape(region.Region), $"{region.Shards.Count.ToString(CultureInfo.InvariantCulture)} shard(s)",
                region.Entities.ToString(CultureInfo.InvariantCulture), "");
            foreach (var shard in region.Shards)
            {
                table.AddRow(
                    "", Markup.Escape(shard.Id), shard.Entities.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(shard.EntityIds is { } ids ? string.Join(", ", ids) : ""));
            }
        }

        return table;
    }
}
