namespace Sn19.Host.Local;

/// <summary>What is one node's own in a local cluster: where it lives, how the others and `sn19 ctl` reach it,
/// and the shared journal, chain, signer, model and split-brain strategy; its organic API's and dashboard's ports.</summary>
internal sealed record LocalNodeSettings(
    string Name,
    string DataDir,
    int ClusterPort,
    IReadOnlyList<string> SeedNodes,
    int AdminPort,
    string AdminToken,
    string Postgres,
    string ChainUrl,
    string SignerSocket,
    string SignerTokenFile,
    string ModelName,
    string ModelFile,
    IReadOnlyDictionary<string, string> MinerNames,
    string SplitBrainStrategy,
    int OrganicPort,
    int DashboardPort)
{
    public string AdminUrl => $"http://127.0.0.1:{AdminPort}";

    public string ClusterAddress => $"akka.tcp://{Sn19.Actors.Subnet.Validation.ValidatorNode.SystemName}@127.0.0.1:{ClusterPort}";
}
