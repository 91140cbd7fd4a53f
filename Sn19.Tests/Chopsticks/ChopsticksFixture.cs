namespace Sn19.Tests.Chopsticks;

/// <summary>Starts the collection's chopsticks node once.</summary>
public sealed class ChopsticksFixture : IAsyncLifetime
{
    private ChopsticksNode? _node;

    public ChopsticksNode Node => _node ?? throw new InvalidOperationException("chopsticks has not started");

    public async Task InitializeAsync() => _node = await ChopsticksNode.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
