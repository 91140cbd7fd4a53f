namespace Sn19.Tests.Chopsticks;

/// <summary>The tests on a real Subtensor runtime share one chopsticks node (starting one takes up to 40 s); each builds
/// its own subnet on a netuid of its own, so they do not see each other's weights.</summary>
[CollectionDefinition(Name)]
public sealed class ChopsticksCollection : ICollectionFixture<ChopsticksFixture>
{
    public const string Name = "chopsticks";
}
