namespace Sn19.Tests.Actors.Chain;

using Sn19.Actors.Chain;

public sealed class Ss58Tests
{
    [Theory]
    [InlineData(TestKeys.Alice)]
    [InlineData(TestKeys.Bob)]
    public void IsWellFormed_DevAddresses_True(string address) => Assert.True(Ss58.IsWellFormed(address));

    [Theory]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ0")]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKut")]
    public void IsWellFormed_NotAnAddress_False(string address) => Assert.False(Ss58.IsWellFormed(address));

    [Fact]
    public void Address_TestKeys_AreWellFormedAndDistinct()
    {
        var keys = Enumerable.Range(0, 50).Select(i => TestKeys.Address("hot", i)).ToArray();
        Assert.All(keys, k => Assert.True(Ss58.IsWellFormed(k), k));
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }
}
