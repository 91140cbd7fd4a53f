namespace Sn19.Tests.Actors.Chain.Subtensor;

using System.Text.Json;
using Sn19.Actors.Chain.Subtensor;
using Sn19.Actors.Chain.Subtensor.Rpc;
using Sn19.Tests.TestSupport;

/// <summary>
/// Reading a Subtensor node over WebSocket JSON-RPC: the client against a replay of finney's recorded answers (a test
/// double for the public chain), and `sn19 chain metagraph --url ws://…` as a user runs it.
/// </summary>
public sealed class SubtensorMetagraphTests(FinneyRecordingsFixture finney) : IClassFixture<FinneyRecordingsFixture>
{
    [Fact]
    public async Task Read_FinneyReplay_GivesTheRecordedBlockAndPolkadotJsNeurons()
    {
        await using var node = await FinneyReplayNode.StartAsync(finney.Directory);
        await using var rpc = await SubtensorRpcClient.ConnectAsync(node.Url, CancellationToken.None);

        var metagraph = await SubtensorMetagraph.ReadAsync(rpc, 1, CancellationToken.None);

        Assert.Equal(6852690UL, metagraph.Block);
        Assert.StartsWith("0xdb13c066", metagraph.BlockHash, StringComparison.Ordinal);
        Assert.Equal(finney.Oracle.GetProperty("neurons").EnumerateArray().Select(n => n.GetProperty("hotkey").GetString()), metagraph.Neurons.Select(n => n.Hotkey));
    }

    [Fact]
    public async Task Read_NodeDropsTheConnection_ConnectsAgainAndGetsTheSameAnswer()
    {
        await using var node = await FinneyReplayNode.StartAsync(finney.Directory);
        node.DropAfter = 2;
        await using var rpc = await SubtensorRpcClient.ConnectAsync(node.Url, CancellationToken.None);

        var metagraph = await SubtensorMetagraph.ReadAsync(rpc, 1, CancellationToken.None);

        // Four calls, two per connection: the third finds the first connection cut.
        Assert.Equal(1, rpc.Reconnects);
        Assert.Equal(6852690UL, metagraph.Block);
        Assert.Equal(1024, metagraph.Neurons.Count);
    }

    [Fact]
    public async Task Read_AfterAReconnectThatFailed_ConnectsAgainOnTheNextCall()
    {
        await using var node = await FinneyReplayNode.StartAsync(finney.Directory);
        node.DropAfter = 2;
        await using var rpc = await SubtensorRpcClient.ConnectAsync(node.Url, CancellationToken.None);
        node.RefuseConnections = 1;

        // The third call finds the connection cut, and the node refuses the reconnect (it is restarting).
        await Assert.ThrowsAsync<SubtensorRpcException>(() => SubtensorMetagraph.ReadAsync(rpc, 1, CancellationToken.None));
        node.DropAfter = null;
        var metagraph = await SubtensorMetagraph.ReadAsync(rpc, 1, CancellationToken.None);

        Assert.Equal(1024, metagraph.Neurons.Count);
        Assert.Equal(2, rpc.Reconnects);
    }

    [Fact]
    public async Task Read_ASubnetTheNodeHasNoAnswerFor_SaysWhichCall()
    {
        await using var node = await FinneyReplayNode.StartAsync(finney.Directory);
        await using var rpc = await SubtensorRpcClient.ConnectAsync(node.Url, CancellationToken.None);

        var error = await Assert.ThrowsAsync<SubtensorRpcException>(() => SubtensorMetagraph.ReadAsync(rpc, 2, CancellationToken.None));

        Assert.Contains("state_call", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChainMetagraph_WithAWebSocketUrl_PrintsTheSubnetAsJson()
    {
        await using var node = await FinneyReplayNode.StartAsync(finney.Directory);

        var run = await Sn19Process.RunAsync(TimeSpan.FromMinutes(1), "chain", "metagraph", "--url", node.Url.ToString(), "--netuid", "1", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        var neurons = document.RootElement.GetProperty("neurons").EnumerateArray().ToList();
        Assert.Equal(1024, neurons.Count);
        Assert.Equal(6852690UL, document.RootElement.GetProperty("block").GetUInt64());
        Assert.Equal("5DkMmXtWf16RNdusZGCrJ7ca7ADPgRnZLVWCWbgA7s7sy1AQ", neurons[0].GetProperty("hotkey").GetString());
    }

    [Fact]
    public async Task ChainMetagraph_NodeNotThere_ExitsOneWithAClearError()
    {
        var run = await Sn19Process.RunAsync(TimeSpan.FromMinutes(1), "chain", "metagraph", "--url", "ws://127.0.0.1:9/", "--netuid", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot reach the Subtensor node", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
