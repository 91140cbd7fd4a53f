namespace Sn19.Actors.Chain.Subtensor.Rpc;

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// JSON-RPC 2.0 to a Subtensor node over one WebSocket (<c>ws://</c> or <c>wss://</c>), one call at a time: each request
/// carries a fresh id and waits for the answer with that id; anything else the node sends meanwhile is skipped. When the
/// connection drops (public nodes close idle sockets), the client connects again and sends the call once more: the calls
/// it makes are reads. A call that the node answers with an error, that fails twice, or that outlives
/// <see cref="CallTimeout"/>, throws <see cref="SubtensorRpcException"/>. A subscription (<see cref="SubscribeAsync"/>)
/// holds the connection for as long as it is read, so it gets a client of its own.
/// </summary>
public sealed class SubtensorRpcClient : IAsyncDisposable
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Uri _url;
    private long _nextId;

    private SubtensorRpcClient(Uri url) => _url = url;

    public static async Task<SubtensorRpcClient> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var client = new SubtensorRpcClient(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await client._socket.ConnectAsync(url, timeout.Token);
            return client;
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await client.DisposeAsync();
            throw new SubtensorRpcException($"cannot reach the Subtensor node at {url}: {error.Message}", error);
        }
    }

    public Uri Url => _url;

    /// <summary>How many times the connection was made again after it dropped.</summary>
    public int Reconnects { get; private set; }

    /// <summary>The result of <paramref name="method"/> (a JSON value; null when the node answers null).</summary>
    /// <param name="resend">Send the call again on a new connection when the old one drops (a read); false for a
    /// submission, which the node may already hold: the drop is then an error, and the caller checks the chain.</param>
    public async Task<JsonNode?> CallAsync(string method, JsonArray parameters, CancellationToken cancellationToken, bool resend = true)
    {
        await _gate.WaitAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        try
        {
            if (_socket.State != WebSocketState.Open)
            {
                // A connection that dropped, or a reconnect that failed, earlier: start from a new one.
                await ReconnectAsync(timeout.Token);
            }

            try
            {
                return await ExchangeAsync(method, parameters, timeout.Token);
            }
            catch (Exception dropped) when (resend && dropped is WebSocketException or ObjectDisposedException)
            {
                await ReconnectAsync(timeout.Token);
                return await ExchangeAsync(method, parameters, timeout.Token);
            }
        }
        catch (ObjectDisposedException error)
        {
            throw new SubtensorRpcException($"{method}: the connection to {_url} is closed: {error.Message}", error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SubtensorRpcException($"{method}: no answer from {_url} within {CallTimeout.TotalSeconds:F0} s");
        }
        catch (WebSocketException error)
        {
            throw new SubtensorRpcException($"{method}: the connection to {_url} failed twice: {error.Message}", error);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Subscribes (<paramref name="method"/>, e.g. <c>chain_subscribeNewHeads</c>) and yields each notification's result
    /// until the caller stops reading or cancels. The connection is this subscription's alone while it runs; when it drops
    /// the enumeration ends with <see cref="SubtensorRpcException"/> (the caller subscribes again on a new client).
    /// </summary>
    public async IAsyncEnumerable<JsonNode?> SubscribeAsync(
        string method, JsonArray parameters, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            string subscription;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(CallTimeout);
                subscription = (await ExchangeAsync(method, parameters, timeout.Token))?.ToString()
                    ?? throw new SubtensorRpcException($"{method}: the node gave no subscription id");
            }
            catch (WebSocketException error)
            {
                throw new SubtensorRpcException($"{method}: the connection to {_url} failed: {error.Message}", error);
            }

            while (true)
            {
                JsonObject? message;
                try
                {
                    message = JsonNode.Parse(await ReceiveAsync(cancellationToken)) as JsonObject;
                }
                catch (WebSocketException error)
                {
                    throw new SubtensorRpcException($"{method}: the subscription's connection to {_url} dropped: {error.Message}", error);
                }

                if (message?["params"] is JsonObject notification && notification["subscription"]?.ToString() == subscription)
                {
                    yield return notification["result"];
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        _socket.Dispose();
        _socket = new ClientWebSocket();
        Reconnects++;
        await _socket.ConnectAsync(_url, cancellationToken);
    }

    /// <summary>Sends one request and reads up to its answer. The parameters are copied: a node may get them twice.</summary>
    private async Task<JsonNode?> ExchangeAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters.DeepClone() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        while (true)
        {
            var answer = JsonNode.Parse(await ReceiveAsync(cancellationToken)) as JsonObject;
            if (answer?["id"]?.GetValueKind() != JsonValueKind.Number || answer["id"]!.GetValue<long>() != id)
            {
                continue; // a notification, or an answer to a call this client gave up on
            }

            if (answer["error"] is JsonObject error)
            {
                throw new SubtensorRpcException($"{method}: the node answered error {error["code"]}: {error["message"]}");
            }

            return answer["result"];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException)
            {
                // The node went away first: nothing left to close.
            }
        }

        _socket.Dispose();
        _gate.Dispose();
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var part = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("the node closed the connection");
            }

            message.Write(buffer, 0, part.Count);
            if (part.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }
}
