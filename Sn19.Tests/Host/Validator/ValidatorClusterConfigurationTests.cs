namespace Sn19.Tests.Host.Validator;

using Sn19.Actors.Cluster;
using Sn19.Actors.Persistence;
using Sn19.Host.Configuration;
using Sn19.Host.Validator;
using Sn19.Tests.TestSupport;

/// <summary><c>validator.cluster</c>: the defaults make a cluster of one; what cannot work is refused with the key named.</summary>
public sealed class ValidatorClusterConfigurationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void RepositoryDefaults_AClusterOfOneWithEveryRole()
    {
        var configuration = Sn19ConfigurationLoader.Load(new ConfigurationRequest { Environment = new Dictionary<string, string>(), HoconDirectory = TestPaths.Hocon });

        var cluster = ValidatorSettingsFactory.Cluster(configuration, new PersistenceOptions());

        Assert.Empty(cluster.SeedNodes);
        Assert.False(cluster.HasOtherNodes);
        Assert.Equal(["scoring", "checker", "organic"], cluster.Roles);
        Assert.True(cluster.Has(ClusterRoles.Scoring) && cluster.Has(ClusterRoles.Checker) && cluster.Has(ClusterRoles.Organic));
        Assert.Equal(0, cluster.Port);
    }

    [Fact]
    public void SeveralNodesOnSqlite_Refused_NamingTheKeyAndTheFix()
    {
        var configuration = Load("""validator.cluster { port = 4051, seed-nodes = ["127.0.0.1:4051", "127.0.0.1:4052"] }""");

        var refused = Assert.Throws<ConfigurationException>(() => ValidatorSettingsFactory.Cluster(configuration, new PersistenceOptions()));
        var onPostgres = ValidatorSettingsFactory.Cluster(configuration, new PersistenceOptions { Provider = "postgres" });

        Assert.Contains("validator.cluster.seed-nodes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("persistence.provider = postgres", refused.Message, StringComparison.Ordinal);
        Assert.True(onPostgres.HasOtherNodes);
    }

    [Fact]
    public void Invalid_EveryProblemNamesItsKey()
    {
        var options = new ClusterOptions
        {
            Hostname = "not a host!",
            Port = 70_000,
            SeedNodes = ["127.0.0.1", "127.0.0.1:4052"],
            Roles = ["scoring", "gpu"],
        };

        var problems = options.Validate("validator.cluster");

        Assert.Contains(problems, p => p.StartsWith("validator.cluster.hostname:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("validator.cluster.port:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'127.0.0.1' is not host:port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'gpu' is not a role", StringComparison.Ordinal));
        Assert.Empty(new ClusterOptions().Validate("validator.cluster"));
    }

    [Fact]
    public void SeedNodes_WithAnyFreePort_Refused()
    {
        var problems = new ClusterOptions { SeedNodes = ["10.0.0.2:4051"] }.Validate("validator.cluster");

        Assert.Contains(problems, p => p.Contains("needs a fixed port", StringComparison.Ordinal));
    }

    private Sn19Configuration Load(string text)
    {
        _dir.Write("hocon/sn19.conf", text);
        return Sn19ConfigurationLoader.Load(new ConfigurationRequest
        {
            Environment = new Dictionary<string, string>(),
            HoconDirectory = Path.Combine(_dir.Path, "hocon"),
        });
    }
}
