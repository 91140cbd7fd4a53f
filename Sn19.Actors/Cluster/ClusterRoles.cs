namespace Sn19.Actors.Cluster;

/// <summary>The roles of a validator node: what it hosts.</summary>
public static class ClusterRoles
{
    /// <summary>Contender entities, task actors and the period coordinator; the weight-setter singleton.</summary>
    public const string Scoring = "scoring";

    /// <summary>Checker entities, one per model this node has configured.</summary>
    public const string Checker = "checker";

    /// <summary>The role of the nodes that have <paramref name="model"/>'s checker loaded.</summary>
    public static string ChecksModel(string model) => "checks:" + model;

    /// <summary>The organic API.</summary>
    public const string Organic = "organic";
}
