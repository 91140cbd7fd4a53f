namespace Sn19.Tests.Actors.Chain.Subtensor;

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sn19.Tests.TestSupport;

/// <summary>
/// A test double for finney (the public chain a test cannot reach): a JSON-RPC WebSocket server on loopback that answers
/// what finney answered when opentensor/bittensor recorded its `metagraph` case (shared/data/subtensor, block 6852690), and
/// <c>Metadata_metadata_at_version(15)</c> from the metadata recorded at the same runtime (spec 343). Parameters match with
/// hex taken case- and 0x-insensitively; a call it has no recording for gets JSON-RPC error −32601.
/// </summary>
public sealed class FinneyReplayNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, List<(JsonArray Params, JsonNode? Result)>> _recorded;
    private readonly string _metadataV15;

    private FinneyReplayNode(WebApplication app, string dataDirectory)
    {
        _app = app;
        _recorded = [];
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataDirectory, "finney-recorded-rpc.json")));
        foreach (var method in document.RootElement.GetProperty("metagraph").EnumerateObject())
        {
            _recorded[method.Name] = [.. method.Value.EnumerateObject().Select(p =>
                (JsonNode.Parse(p.Name)!.AsArray(), JsonNode.Parse(p.Value.GetRawText())!["result"]))];
        }

        _metadataV15 = File.ReadAllText(Path.Combine(dataDirectory, "finney-spec343-metadata-v15-option.hex")).Trim();
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>When set, each connection is cut (no close handshake) when a call comes after this many answers, as public
    /// nodes drop sockets.</summary>
    public int? DropAfter { get; set; }

    /// <summary>How many connection attempts to refuse (HTTP 503) before accepting again, as a restarting node does.</summary>
    public int RefuseConnections { get; set; }

    public static async Task<FinneyReplayNode> StartAsync(string dataDirectory)
    {
        var app = LoopbackWebApp.Create();
        var node = new FinneyReplayNode(app, dataDirectory);
        app.UseWebSockets();
        app.Map("/", node.ServeAsync);
        await app.StartAsync();
        node.Url = new UriBuilder(app.Urls.First()) { Scheme = "ws" }.Uri;
        return node;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task ServeAsync(HttpContext context)
    {
        if (RefuseConnections > 0)
        {
            RefuseConnections--;
            context.Response.StatusCode = 503;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[1 << 16];
        var answered = 0;
        while (socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult part;
            do
            {
                part = await socket.ReceiveAsync(buffer, context.RequestAborted);
                message.Write(buffer, 0, part.Count);
            }
            while (!part.EndOfMessage && part.MessageType != WebSocketMessageType.Close);

            if (part.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                return;
            }

            if (answered == DropAfter)
            {
                // Cut while a call waits for its answer (every earlier answer was read before this call was sent).
                socket.Abort();
                return;
            }

            var request = JsonNode.Parse(message.ToArray())!.AsObject();
            var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]!.DeepClone() };
            if (TryAnswer(request["method"]!.GetValue<string>(), request["params"]!.AsArray(), out var result))
            {
                answer["result"] = result?.DeepClone();
            }
            else
            {
                answer["error"] = new JsonObject { ["code"] = -32601, ["message"] = "not in the recording" };
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(answer.ToJsonString()), WebSocketMessageType.Text, true, context.RequestAborted);
            answered++;
        }
    }

    private bool TryAnswer(string method, JsonArray parameters, out JsonNode? result)
    {
        if (method == "state_call" && parameters.Count > 0 && parameters[0]!.GetValue<string>() == "Metadata_metadata_at_version")
        {
            result = JsonValue.Create(_metadataV15);
            return true;
        }

        var hit = _recorded.TryGetValue(method, out var calls) ? calls.FindIndex(c => Same(c.Params, parameters)) : -1;
        result = hit >= 0 ? calls![hit].Result : null;
        return hit >= 0;
    }

    private static bool Same(JsonArray recorded, JsonArray asked) =>
        recorded.Count == asked.Count && recorded.Zip(asked, (r, a) => Normal(r) == Normal(a)).All(same => same);

    private static string Normal(JsonNode? value)
    {
        var text = value?.ToJsonString().Trim('"') ?? "null";
        return (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text).ToLowerInvariant();
    }
}
