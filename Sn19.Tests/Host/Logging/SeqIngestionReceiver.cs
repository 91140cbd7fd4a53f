namespace Sn19.Tests.Host.Logging;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sn19.Tests.TestSupport;

/// <summary>
/// Test double for a Seq server (none can be installed here): Kestrel on 127.0.0.1 taking Seq's ingestion
/// endpoint, <c>POST /api/events/raw</c> with compact JSON events, and keeping every body with its API key header.
/// </summary>
internal sealed class SeqIngestionReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string? ApiKey, string Body)> _posts = new();

    private SeqIngestionReceiver(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    public IReadOnlyList<(string? ApiKey, string Body)> Posts => [.. _posts];

    public static async Task<SeqIngestionReceiver> StartAsync()
    {
        var app = LoopbackWebApp.Create();
        var receiver = new SeqIngestionReceiver(app);
        app.MapPost("/api/events/raw", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            receiver._posts.Enqueue((context.Request.Headers["X-Seq-ApiKey"].FirstOrDefault(), await reader.ReadToEndAsync()));
            return Results.StatusCode(StatusCodes.Status201Created);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
