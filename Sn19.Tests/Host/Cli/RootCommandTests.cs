namespace Sn19.Tests.Host.Cli;

using Sn19.Host.Cli;

public sealed class RootCommandTests
{
    [Fact]
    public void Create_ListsEveryTopLevelCommand()
    {
        var root = RootCommandFactory.Create();
        var names = root.Subcommands.Select(c => c.Name).ToArray();
        Assert.Equal(
            ["local", "validator", "miner", "signer", "chain", "keys", "model", "simulate", "ctl", "config"],
            names);
        Assert.All(root.Subcommands, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
    }
}
