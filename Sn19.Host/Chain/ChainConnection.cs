namespace Sn19.Host.Chain;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Http;
using Sn19.Actors.Chain.Subtensor;
using Sn19.Actors.Chain.Subtensor.Rpc;
using Sn19.Actors.Signing;

/// <summary>
/// The chain a validator or miner works against, chosen by <c>chain.url</c>: the local chain's HTTP API (http, https), or
/// a Subtensor node (ws, wss) for subnet <c>chain.netuid</c>, whose extrinsics the process's signer signs.
/// </summary>
internal sealed class ChainConnection : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owned;
    private readonly HttpClient? _http;

    private ChainConnection(IChain chain, IAsyncDisposable? owned, HttpClient? http)
    {
        Chain = chain;
        _owned = owned;
        _http = http;
    }

    public IChain Chain { get; }

    public bool IsSubtensor => Chain is SubtensorChain;

    /// <summary>The URL and netuid of the configuration's <c>chain</c> section.</summary>
    /// <param name="dataDir">Where a validator keeps commits waiting for their reveal (Subtensor subnets with commit-reveal).</param>
    /// <exception cref="SubtensorRpcException">the Subtensor node cannot be reached.</exception>
    /// <exception cref="InvalidDataException">the pending-reveals file in <paramref name="dataDir"/> cannot be read.</exception>
    public static Task<ChainConnection> OpenAsync(
        IConfiguration root, IHotkeySigner? signer, CancellationToken cancellationToken, string? dataDir = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var defaults = new ChainOptions();
        var url = root["chain:url"] ?? defaults.Url;
        var netuid = ushort.TryParse(root["chain:netuid"], out var configured) ? configured : defaults.Netuid;
        var options = SubtensorChainOptions.Default with
        {
            RevealFile = dataDir is null ? null : Path.Combine(dataDir, "pending-reveals.json"),
            Logger = logger,
        };
        return OpenAsync(url, netuid, signer, options, cancellationToken);
    }

    /// <summary><see cref="OpenAsync(IConfiguration, IHotkeySigner?, CancellationToken, string?, ILogger?)"/> for a command:
    /// a node that cannot be reached, or a pending-reveals file that cannot be read, is a line on <paramref name="error"/>
    /// prefixed with <paramref name="command"/>, and null.</summary>
    public static async Task<ChainConnection?> OpenOrExplainAsync(
        IConfiguration root, IHotkeySigner? signer, string command, TextWriter error, CancellationToken cancellationToken, string? dataDir = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await OpenAsync(root, signer, cancellationToken, dataDir, logger);
        }
        catch (Exception problem) when (problem is SubtensorRpcException or InvalidDataException)
        {
            await error.WriteLineAsync($"{command}: {problem.Message}");
            return null;
        }
    }

    public static async Task<ChainConnection> OpenAsync(
        string url, ushort netuid, IHotkeySigner? signer, SubtensorChainOptions options, CancellationToken cancellationToken)
    {
        if (ChainOptions.IsSubtensorUrl(url))
        {
            var node = await SubtensorNode.ConnectAsync(new Uri(url), cancellationToken);
            try
            {
                var chain = new SubtensorChain(node, netuid, signer, options);
                return new ChainConnection(chain, chain, null);
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }

        var http = new HttpClient { BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/"), Timeout = TimeSpan.FromSeconds(30) };
        return new ChainConnection(new HttpChainClient(http), null, http);
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }

        _http?.Dispose();
    }
}
