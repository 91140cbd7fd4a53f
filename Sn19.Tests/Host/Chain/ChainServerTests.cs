namespace Sn19.Tests.Host.Chain;

using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Http;
using Sn19.Host.Chain;
using Sn19.Tests.Actors.Chain;
using Sn19.Tests.Actors.Chain.Local;

/// <summary><see cref="HttpChainClient"/> against the chain API served in-process on a loopback port.</summary>
public sealed class ChainServerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Client_OverHttp_SameAnswersAsLocalChain()
    {
        using var local = await LocalChainFixture.WithPermitsAsync(1, 2);
        await using var app = ChainServer.Build(local, "127.0.0.1:0");
        await app.StartAsync(None);
        using var http = new HttpClient { BaseAddress = new Uri(ChainServer.BoundAddress(app) + "/") };
        var remote = new HttpChainClient(http);

        Assert.Equal((await local.GetBlockAsync(None)).Value, (await remote.GetBlockAsync(None)).GetValueOrThrow());
        Assert.Equal((ushort)3, (await remote.RegisterAsync(TestKeys.Alice, TestKeys.Bob, None)).GetValueOrThrow());
        Assert.True((await remote.SetWeightsAsync(TestKeys.Address("hot", 0), [1, 2], [10, 20], 0, None)).GetValueOrThrow());

        var refused = await remote.SetWeightsAsync(TestKeys.Address("hot", 0), [1, 2], [10, 20], 0, None);
        Assert.Equal(ChainErrorCode.RateLimited, refused.Error?.Code);
        Assert.Contains("next is allowed at block", refused.Error!.Message, StringComparison.Ordinal);

        var viaHttp = (await remote.GetMetagraphAsync(None)).GetValueOrThrow();
        var direct = (await local.GetMetagraphAsync(None)).GetValueOrThrow();
        Assert.Equal(direct.Neurons, viaHttp.Neurons);
        Assert.Equal(direct.Hyperparameters, viaHttp.Hyperparameters);
        Assert.Equal((await local.GetWeightsAsync(None)).Value![0].Weights, (await remote.GetWeightsAsync(None)).GetValueOrThrow()[0].Weights);
        Assert.Single((await remote.GetEpochsAsync(10, None)).GetValueOrThrow());
        Assert.Equal(
            (await local.GetHyperparametersAsync(None)).Value!.Tempo,
            (await remote.GetHyperparametersAsync(None)).GetValueOrThrow().Tempo);
        await app.StopAsync(None);
    }

    [Fact]
    public async Task Server_BodyNotJson_400WithInvalidRequest()
    {
        using var local = LocalChainFixture.InMemory();
        await using var app = ChainServer.Build(local, "127.0.0.1:0");
        await app.StartAsync(None);
        using var http = new HttpClient { BaseAddress = new Uri(ChainServer.BoundAddress(app) + "/") };

        using var content = new StringContent("garbage", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("chain/register", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"InvalidRequest\"", body, StringComparison.Ordinal);
        await app.StopAsync(None);
    }

    [Fact]
    public async Task Server_WeightsSignatureNotHex_409InvalidRequestAndNothingStored()
    {
        using var local = await LocalChainFixture.WithPermitsAsync(1, 2);
        await using var app = ChainServer.Build(local, "127.0.0.1:0");
        await app.StartAsync(None);
        using var http = new HttpClient { BaseAddress = new Uri(ChainServer.BoundAddress(app) + "/") };
        var body = $$"""{"hotkey":"{{TestKeys.Address("hot", 0)}}","netuid":1,"uids":[1],"values":[1],"versionKey":0,"lastUpdate":0,"signature":"not hex"}""";

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("chain/weights", UriKind.Relative), content);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("\"InvalidRequest\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await local.GetWeightsAsync(None)).GetValueOrThrow()[0].Weights);
        await app.StopAsync(None);
    }

    [Fact]
    public async Task Client_NoServer_Unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var result = await new HttpChainClient(http).GetMetagraphAsync(None);

        Assert.Equal(ChainErrorCode.Unavailable, result.Error?.Code);
    }
}
