namespace Sn19.Tests.Actors.Hosting;

using Akka.Configuration;
using Microsoft.Extensions.Configuration;
using Sn19.Actors.Hosting;

/// <summary>The resolved <c>akka</c> section written back as HOCON reads in Akka as the same tree.</summary>
public sealed class AkkaHoconTests
{
    [Fact]
    public void Render_NestedValuesListsAndOddKeys_ReadBackByAkka()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["akka:loglevel"] = "INFO",
            ["akka:actor:ask-timeout"] = "7s",
            ["akka:cluster:seed-nodes:0"] = "akka.tcp://validator@10.0.0.1:4053",
            ["akka:cluster:seed-nodes:1"] = "akka.tcp://validator@10.0.0.2:4053",
            ["akka:actor:serialization-bindings:Sn19.Some.Type, Sn19.Actors"] = "sn19-journal",
            ["akka:persistence:journal:sql:batch-size"] = "250",
            ["akka:quoted"] = "a \"b\" \\ c",
        }).Build().GetSection("akka");

        var config = ConfigurationFactory.ParseString(AkkaHocon.Render(section));

        Assert.Equal("INFO", config.GetString("akka.loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(7), config.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal(["akka.tcp://validator@10.0.0.1:4053", "akka.tcp://validator@10.0.0.2:4053"], config.GetStringList("akka.cluster.seed-nodes"));
        Assert.Equal("sn19-journal", config.GetString("akka.actor.serialization-bindings.\"Sn19.Some.Type, Sn19.Actors\""));
        Assert.Equal(250, config.GetInt("akka.persistence.journal.sql.batch-size"));
        Assert.Equal("a \"b\" \\ c", config.GetString("akka.quoted"));
    }

    [Fact]
    public void Render_EmptySection_Nothing()
    {
        var section = new ConfigurationBuilder().Build().GetSection("akka");

        Assert.Equal(string.Empty, AkkaHocon.Render(section));
    }
}
