namespace Sn19.Tests.Host.Dashboard;

/// <summary>The dashboard tests share one `sn19 local` (<see cref="DashboardLocalFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardLocalCollection : ICollectionFixture<DashboardLocalFixture>
{
    public const string Name = "dashboard-local";
}
