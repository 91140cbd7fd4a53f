namespace Sn19.Host.Miner;

using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Wire;
using Sn19.Actors.Wire.Fiber;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Miner.Actors;
using Sn19.Inference.Generation;

/// <summary>
/// Serves <c>/v1/chat/completions</c> and <c>/v1/completions</c> for a validator that passed the envelope:
/// checks the request, charges the validator's stake share of the task's capacity (429 beyond it, or when
/// the backend's queue is full), then streams one token per event, usage last.
/// </summary>
internal sealed class MinerCompletionHandler(
    IReadOnlyDictionary<string, ServedTask> tasks,
    IStakeView stakes,
    MinerActors actors,
    TimeProvider time,
    ILogger logger)
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public async Task HandleAsync(HttpContext context, TextRequestKind kind)
    {
        var validator = context.Features.Get<IRequestEnvelopeFeature>()?.ValidatorHotkey;
        if (validator is null)
        {
            await Problem(context, StatusCodes.Status401Unauthorized, "unsigned", "the request carries no verified envelope");
            return;
        }

        var request = await ReadRequestAsync(context, kind);
        if (request is null)
        {
            return;
        }

        if (!tasks.TryGetValue(request.Model, out var task) || task.Kind != kind)
        {
            await Problem(context, StatusCodes.Status404NotFound, "unknown_task", $"this miner serves no {kind} task '{request.Model}'");
            return;
        }

        var share = task.Capacity * stakes.ValidatorShare(validator);
        if (await actors.TryReserveAsync(validator, task.Id, share, request.MaxTokens, context.RequestAborted) is not { } reservation)
        {
            MinerLog.Refused(logger, task.Id, validator, "share spent");
            await Problem(context, StatusCodes.Status429TooManyRequests, "share_spent", "this validator's share of the capacity is used up for this period");
            return;
        }

        var used = 0;
        try
        {
            using var slot = await actors.TryEnterAsync(task.Id, context.RequestAborted);
            if (slot is null)
            {
                MinerLog.Refused(logger, task.Id, validator, "queue full");
                await Problem(context, StatusCodes.Status429TooManyRequests, "busy", "the miner is at capacity; try later");
                return;
            }

            used = request.Stream
                ? await StreamAsync(context, task, request, validator)
                : await CompleteAsync(context, task, request, validator);
        }
        finally
        {
            actors.Settle(reservation, used);
        }
    }

    private async Task<int> StreamAsync(HttpContext context, ServedTask task, TextRequest request, string validator)
    {
        var writer = new OpenAiChunkWriter(request, NewId(request), time.GetUtcNow());
        var buffer = new ArrayBufferWriter<byte>(1024);
        var count = 0;
        var finish = "length";
        int? promptTokens = null;
        // Nineteen's validators (over fiber) read token chunks only: its miners drop chunks without log-probabilities and [DONE].
        var nineteen = context.Features.Get<IFiberRequestFeature>() is not null;
        await using var tokens = task.Backend.GenerateAsync(request, context.RequestAborted).GetAsyncEnumerator(context.RequestAborted);
        try
        {
            // The first token is read before any byte is sent, so a failing backend is a 500, not an empty 200.
            var hasFirst = await tokens.MoveNextAsync();
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            for (var more = hasFirst; more; more = await tokens.MoveNextAsync())
            {
                var generated = tokens.Current;
                count += generated.IsFinishOnly ? 0 : 1;
                finish = generated.FinishReason ?? finish;
                promptTokens = generated.PromptTokens ?? promptTokens;
                if (nineteen && generated.IsFinishOnly)
                {
                    continue;
                }

                buffer.ResetWrittenCount();
                generated.WriteTo(writer, buffer);
                await WriteEventAsync(context, buffer);
            }

            if (!nineteen)
            {
                buffer.ResetWrittenCount();
                writer.WriteUsage(buffer, new TokenUsage(promptTokens ?? 0, count));
                await WriteEventAsync(context, buffer);
                await context.Response.Body.WriteAsync(Done, context.RequestAborted);
            }

            task.Served.Add();
            MinerLog.Served(logger, task.Id, validator, count, finish);
        }
        catch (PromptRejectedException rejected) when (!context.Response.HasStarted)
        {
            await Problem(context, StatusCodes.Status400BadRequest, rejected.Code, rejected.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            MinerLog.BackendFailed(logger, error, task.Id, validator);
            if (!context.Response.HasStarted)
            {
                await Problem(context, StatusCodes.Status500InternalServerError, "backend_failed", "the model backend failed");
            }
        }

        return count;
    }

    private async Task<int> CompleteAsync(HttpContext context, ServedTask task, TextRequest request, string validator)
    {
        var collected = new List<StreamedToken>();
        var finish = "length";
        int? promptTokens = null;
        try
        {
            await foreach (var generated in task.Backend.GenerateAsync(request, context.RequestAborted))
            {
                if (!generated.IsFinishOnly)
                {
                    collected.Add(generated.Token);
                }

                finish = generated.FinishReason ?? finish;
                promptTokens = generated.PromptTokens ?? promptTokens;
            }
        }
        catch (PromptRejectedException rejected)
        {
            await Problem(context, StatusCodes.Status400BadRequest, rejected.Code, rejected.Message);
            return collected.Count;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            MinerLog.BackendFailed(logger, error, task.Id, validator);
            await Problem(context, StatusCodes.Status500InternalServerError, "backend_failed", "the model backend failed");
            return collected.Count;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        new OpenAiChunkWriter(request, NewId(request), time.GetUtcNow())
            .WriteComplete(buffer, collected, finish, new TokenUsage(promptTokens ?? 0, collected.Count));
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
        task.Served.Add();
        MinerLog.Served(logger, task.Id, validator, collected.Count, finish);
        return collected.Count;
    }

    private static async Task<TextRequest?> ReadRequestAsync(HttpContext context, TextRequestKind kind)
    {
        TextRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<TextRequest>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException error)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "malformed_json", error.Message);
            return null;
        }

        if (TextRequestRules.Check(request, kind) is { } problem)
        {
            await Problem(context, StatusCodes.Status400BadRequest, "invalid_request", $"{problem.Field}: {problem.Message}");
            return null;
        }

        return request;
    }

    private static async Task WriteEventAsync(HttpContext context, ArrayBufferWriter<byte> json)
    {
        var body = context.Response.Body;
        await body.WriteAsync(DataPrefix, context.RequestAborted);
        await body.WriteAsync(json.WrittenMemory, context.RequestAborted);
        await body.WriteAsync(EventEnd, context.RequestAborted);
        await body.FlushAsync(context.RequestAborted);
    }

    private static Task Problem(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new EnvelopeError(code, message), context.RequestAborted);
    }

    private static string NewId(TextRequest request) =>
        (request.Kind == TextRequestKind.Chat ? "chatcmpl-" : "cmpl-") + Guid.NewGuid().ToString("N");
}
