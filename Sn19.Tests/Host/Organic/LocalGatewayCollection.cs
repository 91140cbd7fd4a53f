namespace Sn19.Tests.Host.Organic;

/// <summary>The organic API tests share one `sn19 local` (starting one takes a scoring period's wait).</summary>
[CollectionDefinition(Name)]
public sealed class LocalGatewayCollection : ICollectionFixture<LocalGatewayFixture>
{
    public const string Name = "sn19 local gateway";
}
