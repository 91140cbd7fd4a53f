namespace Sn19.Tests.Actors.Wire.Queries;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// Test double for a miner: a real Kestrel server on 127.0.0.1 whose /v1/completions answer is
/// scripted per test, so the query client's classification can be tested over real HTTP.
/// </summary>
internal sealed class ScriptedMinerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedMinerServer(WebApplication app) => _app = app;

    /// <summary>The validator hotkey header of the last request (the envelope itself is verified by the miner tests).</summary>
    public string? LastValidatorHeader { get; private set; }

    public Uri BaseAddress => new(_app.Urls.First() + "/");

    public static async Task<ScriptedMinerServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        ScriptedMinerServer? server = null;
        Task Recording(HttpContext context)
        {
            server!.LastValidatorHeader = context.Request.Headers[Sn19.Actors.Wire.WireHeaders.ValidatorHotkey];
            return handler(context);
        }

        app.MapPost("/v1/completions", Recording);
        app.MapPost("/v1/chat/completions", Recording);
        server = new ScriptedMinerServer(app);
        await app.StartAsync();
        return server;
    }

    public static async Task WriteEventsAsync(HttpContext context, IEnumerable<string> events)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var data in events)
        {
            await context.Response.WriteAsync($"data: {data}\n\n");
            await context.Response.Body.FlushAsync();
        }
    }

    public static string TokenChunk(string text, int id) =>
        $$$"""{"choices":[{"index":0,"text":"{{{text}}}","logprobs":{"tokens":["token_id:{{{id}}}"],"token_logprobs":[-0.5]}}]}""";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
