namespace Sn19.Host.Organic;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// The OpenAI-compatible routes: <c>POST /v1/chat/completions</c>, <c>POST /v1/completions</c>,
/// <c>GET /v1/models</c>. A failure inside the gateway (not the user's, not a miner's) is answered 503 and
/// logged; nothing a client sends can make it answer otherwise.
/// </summary>
internal static class OrganicEndpoints
{
    public static void Map(WebApplication app, CompletionHandler handler, ModelCatalog catalog, DateTimeOffset started, ILogger logger)
    {
        app.MapPost("/v1/chat/completions", Handle(handler, TextRequestKind.Chat, logger))
            .WithName("createChatCompletion").WithSummary("Chat completion, streamed (SSE) or whole")
            .AddOpenApiOperationTransformer(DescribeBody)
            .Produces(200, contentType: "application/json").Produces(200, contentType: "text/event-stream")
            .Produces<ErrorSchema>(400).Produces<ErrorSchema>(401).Produces<ErrorSchema>(402).Produces<ErrorSchema>(404)
            .Produces<ErrorSchema>(413).Produces<ErrorSchema>(429).Produces<ErrorSchema>(502).Produces<ErrorSchema>(503);
        app.MapPost("/v1/completions", Handle(handler, TextRequestKind.Completion, logger))
            .WithName("createCompletion").WithSummary("Text completion, streamed (SSE) or whole")
            .AddOpenApiOperationTransformer(DescribeBody)
            .Produces(200, contentType: "application/json").Produces(200, contentType: "text/event-stream")
            .Produces<ErrorSchema>(400).Produces<ErrorSchema>(401).Produces<ErrorSchema>(402).Produces<ErrorSchema>(404)
            .Produces<ErrorSchema>(413).Produces<ErrorSchema>(429).Produces<ErrorSchema>(502).Produces<ErrorSchema>(503);
        var models = Models(catalog, started);
        app.MapGet("/v1/models", () => Results.Json(models))
            .WithName("listModels").WithSummary("The tasks sold here, their models and prices").Produces<ModelList>();
        app.MapGet("/", () => Results.Text("Sn19 organic API: OpenAI-compatible at /v1; documentation at /docs\n"))
            .ExcludeFromDescription();
    }

    /// <summary>Documents the JSON body without making the route refuse other content types: the handler reads any
    /// body as JSON, as curl users without a Content-Type header expect.</summary>
    private static async Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(TextRequestSchema), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }

    /// <summary>As a <see cref="Delegate"/>, so the route gets a builder that can describe its body for /docs.</summary>
    private static Delegate Handle(CompletionHandler handler, TextRequestKind kind, ILogger logger) =>
        (HttpContext context) => GuardedAsync(context, () => handler.HandleAsync(context, kind), logger);

    private static ModelList Models(ModelCatalog catalog, DateTimeOffset started) => new("list", [.. catalog.Tasks.Select(t =>
    {
        var price = catalog.PriceOf(t);
        var endpoint = t.Kind == Actors.Subnet.Tasks.TaskKind.Chat ? "/v1/chat/completions" : "/v1/completions";
        return new ModelEntry(t.Id, "model", started.ToUnixTimeSeconds(), "sn19", t.Model, endpoint, new ModelPricing(price.PromptPer1K, price.CompletionPer1K));
    })]);

    private static async Task GuardedAsync(HttpContext context, Func<Task> handle, ILogger logger)
    {
        try
        {
            await handle();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left.
        }
        catch (Exception error) when (error is Akka.Actor.AskTimeoutException or TimeoutException)
        {
            if (!context.Response.HasStarted)
            {
                await OpenAiError.Unavailable("a part of the validator (the key's ledger or the task's router) did not answer in time; nothing is charged, try again").WriteAsync(context.Response);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            OrganicLog.Crashed(logger, error);
            if (!context.Response.HasStarted)
            {
                await OpenAiError.Unavailable("the gateway failed on this request; try again").WriteAsync(context.Response);
            }
        }
    }
}
