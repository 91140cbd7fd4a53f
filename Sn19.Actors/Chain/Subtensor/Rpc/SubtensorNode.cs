namespace Sn19.Actors.Chain.Subtensor.Rpc;

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Metadata;

/// <summary>
/// The node calls a Subtensor client makes, typed: blocks, the runtime (metadata V15 when the runtime offers it, else V14,
/// kept per spec version since it changes only with a runtime upgrade), storage, runtime API calls, nonces and submission.
/// </summary>
public sealed class SubtensorNode(SubtensorRpcClient rpc) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<uint, RuntimeMetadata> _metadata = new();
    private string? _genesis;

    public SubtensorRpcClient Rpc { get; } = rpc;

    public static async Task<SubtensorNode> ConnectAsync(Uri url, CancellationToken cancellationToken) =>
        new(await SubtensorRpcClient.ConnectAsync(url, cancellationToken));

    /// <summary>The best block (<paramref name="finalized"/>: the last finalized one).</summary>
    public async Task<SubtensorBlock> HeadAsync(bool finalized, CancellationToken cancellationToken)
    {
        var hash = Text(await Rpc.CallAsync(finalized ? "chain_getFinalizedHead" : "chain_getHead", [], cancellationToken), "chain_getHead");
        var header = await Rpc.CallAsync("chain_getHeader", [hash], cancellationToken) as JsonObject
            ?? throw new SubtensorRpcException($"chain_getHeader: the node has no header for {hash}");
        return new SubtensorBlock(Hex(Text(header["number"], "chain_getHeader.number")), hash);
    }

    /// <summary>
    /// The number of each new best block, from <c>chain_subscribeNewHeads</c> on a connection of its own. When that
    /// connection drops, it subscribes again on a new one, up to three times in a row; then it throws
    /// <see cref="SubtensorRpcException"/>. It ends when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<ulong> NewHeadsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var subscriber = await SubtensorRpcClient.ConnectAsync(Rpc.Url, cancellationToken);
            var heads = subscriber.SubscribeAsync("chain_subscribeNewHeads", [], cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await heads.MoveNextAsync())
                        {
                            yield break;
                        }
                    }
                    catch (SubtensorRpcException) when (++failures < 3)
                    {
                        break; // subscribe again on a new connection
                    }

                    failures = 0;
                    yield return Hex(Text(heads.Current?["number"], "chain_newHead.number"));
                }
            }
            finally
            {
                await heads.DisposeAsync();
            }
        }
    }

    /// <summary>The hash of block <paramref name="number"/>, or null when the node has no such block yet.</summary>
    public async Task<string?> BlockHashAsync(ulong number, CancellationToken cancellationToken) =>
        (await Rpc.CallAsync("chain_getBlockHash", [number], cancellationToken))?.GetValue<string>();

    public async Task<string> GenesisHashAsync(CancellationToken cancellationToken) =>
        _genesis ??= await BlockHashAsync(0, cancellationToken) ?? throw new SubtensorRpcException("chain_getBlockHash(0): the node has no genesis block");

    /// <summary>The block's extrinsics as 0x-hex, in their order in the block.</summary>
    public async Task<IReadOnlyList<string>> ExtrinsicsAsync(string blockHash, CancellationToken cancellationToken)
    {
        var block = await Rpc.CallAsync("chain_getBlock", [blockHash], cancellationToken) as JsonObject
            ?? throw new SubtensorRpcException($"chain_getBlock: the node has no block {blockHash}");
        return [.. (block["block"]?["extrinsics"]?.AsArray() ?? []).Select(e => e!.GetValue<string>())];
    }

    /// <summary>The runtime at the block: versions from <c>state_getRuntimeVersion</c>, metadata fetched once per spec version.</summary>
    public async Task<SubtensorRuntime> RuntimeAsync(string blockHash, CancellationToken cancellationToken)
    {
        var version = await Rpc.CallAsync("state_getRuntimeVersion", [blockHash], cancellationToken) as JsonObject
            ?? throw new SubtensorRpcException("state_getRuntimeVersion: the node answered nothing");
        var spec = version["specVersion"]!.GetValue<uint>();
        if (!_metadata.TryGetValue(spec, out var metadata))
        {
            metadata = MetadataDecoder.DecodeAtVersion(await StateCallAsync("Metadata_metadata_at_version", [15, 0, 0, 0], blockHash, cancellationToken))
                ?? MetadataDecoder.Decode(Bytes(Text(await Rpc.CallAsync("state_getMetadata", [blockHash], cancellationToken), "state_getMetadata")));
            _metadata[spec] = metadata;
        }

        return new SubtensorRuntime(spec, version["transactionVersion"]!.GetValue<uint>(), metadata);
    }

    /// <summary>A runtime API's answer (SCALE bytes) to <paramref name="arguments"/> at the block.</summary>
    public async Task<byte[]> StateCallAsync(string method, byte[] arguments, string blockHash, CancellationToken cancellationToken) =>
        Bytes(Text(await Rpc.CallAsync("state_call", [method, "0x" + Convert.ToHexStringLower(arguments), blockHash], cancellationToken), $"state_call {method}"));

    /// <summary>The stored values of many keys at one block (<c>state_queryStorageAt</c>), null where nothing is stored.</summary>
    public async Task<IReadOnlyList<byte[]?>> StorageAsync(IReadOnlyList<byte[]> keys, string blockHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var hexKeys = keys.Select(k => "0x" + Convert.ToHexStringLower(k)).ToList();
        var answer = await Rpc.CallAsync("state_queryStorageAt", [new JsonArray([.. hexKeys.Select(k => (JsonNode)k)]), blockHash], cancellationToken) as JsonArray;
        var changes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in answer ?? [])
        {
            foreach (var change in set?["changes"]?.AsArray() ?? [])
            {
                changes[change![0]!.GetValue<string>()] = change[1]?.GetValue<string>();
            }
        }

        return [.. hexKeys.Select(k => changes.TryGetValue(k, out var value) && value is not null ? Bytes(value) : null)];
    }

    /// <summary>The account's next nonce, counting its transactions waiting in the node's pool.</summary>
    public async Task<uint> NextNonceAsync(string ss58, CancellationToken cancellationToken) =>
        (await Rpc.CallAsync("system_accountNextIndex", [ss58], cancellationToken))!.GetValue<uint>();

    /// <summary>Hands a signed extrinsic to the node's pool; the node refuses an invalid one (bad signature, stale nonce, ...).</summary>
    public async Task<string> SubmitAsync(byte[] extrinsic, CancellationToken cancellationToken) =>
        Text(await Rpc.CallAsync("author_submitExtrinsic", ["0x" + Convert.ToHexStringLower(extrinsic)], cancellationToken, resend: false), "author_submitExtrinsic");

    public ValueTask DisposeAsync() => Rpc.DisposeAsync();

    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex);

    private static ulong Hex(string number) =>
        ulong.Parse(number.StartsWith("0x", StringComparison.Ordinal) ? number[2..] : number, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Text(JsonNode? node, string what) =>
        node?.GetValue<string>() ?? throw new SubtensorRpcException($"{what}: the node answered nothing");
}
