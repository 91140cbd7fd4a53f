namespace Sn19.Tests.Actors.Chain;

using Sn19.Actors.Chain;

public sealed class AccountAddressTests
{
    [Theory]
    [InlineData(TestKeys.Alice)]
    [InlineData(TestKeys.Bob)]
    public void IsValid_DevAddresses_True(string address) => Assert.True(AccountAddress.IsValid(address));

    [Theory]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ")] // last character changed: bad checksum
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKut")]
    [InlineData("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")] // Polkadot prefix 0: valid SS58, wrong network
    public void IsValid_NotABittensorAddress_False(string address) => Assert.False(AccountAddress.IsValid(address));

    [Fact]
    public void Address_TestKeys_AreValidAndDistinct()
    {
        var keys = Enumerable.Range(0, 50).Select(i => TestKeys.Address("hot", i)).ToArray();
        Assert.All(keys, k => Assert.True(AccountAddress.IsValid(k), k));
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }
}
