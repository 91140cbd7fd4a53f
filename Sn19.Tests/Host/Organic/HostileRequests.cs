namespace Sn19.Tests.Host.Organic;

using System.Text;

/// <summary>
/// Generates malformed and hostile requests for the organic API from a seed: broken and hostile bodies (random
/// bytes, cut JSON, wrong types, extreme numbers, deep nesting, huge strings), bad credentials, sizes past the
/// limits, other encodings, wrong methods and paths, and protocol-level junk. Bodies that are valid carry a key
/// with no credit, so nothing reaches a miner: every answer comes from the gateway itself.
/// </summary>
internal sealed class HostileRequests(int seed, string validSecret, string brokeSecret)
{
    private static readonly string[] Fields = ["model", "messages", "prompt", "max_tokens", "max_completion_tokens", "temperature", "top_p", "top_k", "seed", "stream", "stream_options", "logprobs", "top_logprobs", "n", "stop", "presence_penalty", "user"];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "1", "2147483648", "-9223372036854775809", "1e308", "-1e308", "1e-320", "0.0000001", "3.5",
        "\"\"", "\"x\"", "\"chat\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\u202e\\u200b\"", "[]", "{}", "[1,2,3]", "[\"a\"]", "{\"a\":1}",
        "[{\"role\":\"user\"}]", "[{\"role\":7,\"content\":\"x\"}]", "[{\"role\":\"tool\",\"content\":\"x\"}]", "[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]",
        "{\"include_usage\":\"yes\"}",
    ];

    /// <summary>A request line naming an HTTP version that does not exist: HTTP's own answer to it is 505 (RFC 9110 §15.6.6),
    /// written by Kestrel before any handler runs; the test tells it apart from a server failure.</summary>
    public const string UnknownVersion = "HTTP/9.9";

    public const string UnknownVersionKind = "protocol junk (HTTP/9.9)";

    private readonly Random _random = new(seed);

    public (string Kind, byte[] Request) Next()
    {
        return _random.Next(0, 12) switch
        {
            0 => ("random bytes", Post(Chat(), Bytes(_random.Next(0, 4000)))),
            1 => ("cut JSON", Post(Chat(), Cut(Valid(chat: true)))),
            2 or 3 or 4 => ("mutated field", Mutated()),
            5 => ("deep nesting", Post(Chat(), Encoding.UTF8.GetBytes(Nested(_random.Next(17, 3000))))),
            6 => ("credentials", Credentials()),
            7 => ("huge values", Huge()),
            8 => ("encodings", Encodings()),
            9 => ("methods and paths", MethodsAndPaths()),
            10 when _random.Next(5) == 0 => (UnknownVersionKind, Encoding.ASCII.GetBytes("POST /v1/completions " + UnknownVersion + "\r\n\r\n")),
            10 => ("protocol junk", Junk()),
            _ => ("valid body, no credit", ValidWithoutCredit()),
        };
    }

    private bool _chatEndpoint = true;

    private string Chat()
    {
        _chatEndpoint = _random.Next(2) == 0;
        return _chatEndpoint ? "/v1/chat/completions" : "/v1/completions";
    }

    /// <summary>A POST with the broke key unless told otherwise: a body that happens to be valid stops at 402.</summary>
    private byte[] Post(string path, byte[] body, string? secret = null, params string[] headers) =>
        RawHttp.Request("POST", path, [$"Authorization: Bearer {secret ?? brokeSecret}", "Content-Type: application/json", .. headers], body);

    private byte[] ValidWithoutCredit()
    {
        var path = Chat();
        return Post(path, Encoding.UTF8.GetBytes(Valid(_chatEndpoint)));
    }

    private string Valid(bool chat) => chat
        ? """{"model":"chat","messages":[{"role":"user","content":"hello"}],"max_tokens":4}"""
        : """{"model":"completion","prompt":"hello","max_tokens":4}""";

    private byte[] Mutated()
    {
        var path = Chat();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = _chatEndpoint ? "\"chat\"" : "\"completion\"",
            [_chatEndpoint ? "messages" : "prompt"] = _chatEndpoint ? "[{\"role\":\"user\",\"content\":\"hi\"}]" : "\"hi\"",
        };
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            fields[Fields[_random.Next(Fields.Length)]] = Values[_random.Next(Values.Length)];
        }

        if (_random.Next(4) == 0)
        {
            fields.Remove(_random.Next(2) == 0 ? "model" : _chatEndpoint ? "messages" : "prompt");
        }

        var json = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
        return Post(path, Encoding.UTF8.GetBytes(json));
    }

    private byte[] Credentials()
    {
        var body = Encoding.UTF8.GetBytes(Valid(chat: true));
        var header = _random.Next(0, 9) switch
        {
            0 => null,
            1 => "Authorization: Basic dXNlcjpwYXNz",
            2 => "Authorization: Bearer ",
            3 => "Authorization: Bearer " + new string('A', _random.Next(10, 8000)),
            4 => "Authorization: Bearer sn19-0123456789abcdef-" + Guid.NewGuid().ToString("N"),
            5 => "Authorization: Bearer " + validSecret[..^3] + "xyz",
            6 => "Authorization: Bearer sn19-ZZZZZZZZZZZZZZZZ-x",
            7 => "Authorization: Bearer \u00e9\u00ff\u0001" + validSecret,
            _ => "Authorization: bearer " + validSecret.ToUpperInvariant(),
        };
        return RawHttp.Request("POST", "/v1/chat/completions", header is null ? ["Content-Type: application/json"] : [header, "Content-Type: application/json"], body);
    }

    private byte[] Huge() => _random.Next(0, 5) switch
    {
        // Past organic.max-body-bytes (1 MiB): 413.
        0 => Post(Chat(), Encoding.UTF8.GetBytes("{\"model\":\"chat\",\"prompt\":\"" + new string('a', (1 << 20) + 10) + "\"}")),
        // A large but allowed prompt, and a conversation with more turns than accepted.
        1 => Post("/v1/completions", Encoding.UTF8.GetBytes("{\"model\":\"completion\",\"max_tokens\":99999,\"prompt\":\"" + new string('b', 500_000) + "\"}")),
        2 => Post("/v1/chat/completions", Encoding.UTF8.GetBytes("{\"model\":\"chat\",\"messages\":[" + string.Join(",", Enumerable.Repeat("{\"role\":\"user\",\"content\":\"x\"}", 300)) + "]}")),
        // Headers past Kestrel's limit (431), and a URL of 20 KB.
        3 => Post(Chat(), Encoding.UTF8.GetBytes(Valid(chat: true)), null, "X-Pad: " + new string('p', 40_000)),
        _ => RawHttp.Request("POST", "/v1/chat/completions?" + new string('q', 20_000), [], []),
    };

    private byte[] Encodings()
    {
        var valid = Valid(chat: true);
        return _random.Next(0, 5) switch
        {
            0 => Post("/v1/chat/completions", Encoding.Unicode.GetBytes(valid), null, "Content-Type: application/json; charset=utf-16"),
            1 => Post("/v1/chat/completions", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(valid)]),
            2 => Post("/v1/chat/completions", Bytes(300), null, "Content-Encoding: gzip"),
            3 => Post("/v1/chat/completions", Encoding.Latin1.GetBytes("{\"model\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"caf\u00e9 \u00ff\"}]}")),
            _ => RawHttp.Request("POST", "/v1/completions", [$"Authorization: Bearer {brokeSecret}", "Transfer-Encoding: chunked"],
                Encoding.ASCII.GetBytes("zz\r\nnot hex\r\n0\r\n\r\n"), contentLength: false),
        };
    }

    private byte[] MethodsAndPaths() => _random.Next(0, 6) switch
    {
        0 => RawHttp.Request("GET", "/v1/chat/completions", [], []),
        1 => RawHttp.Request("DELETE", "/v1/completions", [], []),
        2 => RawHttp.Request("POST", "/v1/../../etc/passwd", [], []),
        3 => RawHttp.Request("POST", "/v1/embeddings", [], Encoding.UTF8.GetBytes("{}")),
        4 => RawHttp.Request("PUT", "/v1/models", [], []),
        _ => RawHttp.Request("POST", "/v1/chat/completions%00", [], []),
    };

    private byte[] Junk() => _random.Next(0, 4) switch
    {
        0 => Bytes(_random.Next(1, 500)),
        1 => Encoding.ASCII.GetBytes("POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello"),
        2 => Encoding.ASCII.GetBytes("POST /v1/completions HTTP/1.1\r\nHost: x\r\nContent-Length: -4\r\n\r\n"),
        _ => Encoding.ASCII.GetBytes("POST /v1/completions HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"),
    };

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Cut(string json) => Encoding.UTF8.GetBytes(json[..Math.Max(0, _random.Next(json.Length))]);

    private static string Nested(int depth) =>
        "{\"model\":\"chat\",\"messages\":" + new string('[', depth) + new string(']', depth) + "}";
}
