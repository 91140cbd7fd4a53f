namespace Sn19.Host.Organic;

using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Organic;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// One API request, start to end:
/// <code>
///   key ─▶ body ─▶ reserve the most it can cost ─▶ route to a miner (retry before the first token) ─▶ relay
///                   │ 401 / 402 / 429                 │ 503 none free, 502 all failed                   │
///                   ▼                                 ▼                                                 ▼
///                 error                            release                     settle exact usage, then tell the user
/// </code>
/// The settlement is journaled before the user sees the usage, so every usage a user was told about is
/// charged, exactly once; a request that did not complete is released and charged nothing. The hold itself is
/// in memory (no journal write before the miner is asked).
/// </summary>
internal sealed class CompletionHandler(
    ApiKeys keys, OrganicRouter router, ModelCatalog catalog, OrganicOptions options, string owner, OrganicUsageRecorder usage, TimeProvider time,
    ILogger logger)
{
    private const int SettleTries = 3;

    /// <summary>Serves one request, then counts it (metrics, and the usage table once its key is known).</summary>
    public async Task HandleAsync(HttpContext context, TextRequestKind kind)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var tally = new RequestTally();
        try
        {
            await ServeAsync(context, kind, tally);
        }
        finally
        {
            var firstToken = tally.FirstToken is { } first ? System.Diagnostics.Stopwatch.GetElapsedTime(started, first) : (TimeSpan?)null;
            usage.Record(tally.Task, tally.KeyId, tally.Status, tally.PromptTokens, tally.CompletionTokens, firstToken,
                System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task ServeAsync(HttpContext context, TextRequestKind kind, RequestTally tally)
    {
        var aborted = context.RequestAborted;
        var (keyId, secret) = Credentials(context.Request);
        if (keyId is null)
        {
            tally.Status = "unauthorized";
            await (secret is null ? OpenAiError.MissingKey() : OpenAiError.BadKey("invalid API key")).WriteAsync(context.Response);
            return;
        }

        var (request, invalid) = await ReadAsync(context.Request, kind);
        if (request is null)
        {
            await invalid!.WriteAsync(context.Response);
            return;
        }

        tally.Task = request.Task.Id;
        var requestId = Guid.NewGuid().ToString("N");
        // Every line logged for this request, here and in the query it sends, carries its ids (Serilog keeps scopes as properties).
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId, ["KeyId"] = keyId });
        var price = catalog.PriceOf(request.Task);
        CreditReservation reservation;
        try
        {
            reservation = await keys.ReserveAsync(
                new ReserveCredit(keyId, ApiKeySecret.Hash(secret!), requestId, request.Task.Id, request.PromptTokensBound, request.Miner.MaxTokens, price, owner),
                CancellationToken.None); // Not the user's token: a hold taken while it hung up must still be released below.
        }
        catch (Exception unanswered) when (unanswered is Akka.Actor.AskTimeoutException or TimeoutException)
        {
            tally.Status = "unavailable";
            // The ledger may still take the hold once it answers again (its entity moving after a node died): release it
            // behind the hold, in order, so it does not stay until its time limit.
            _ = SettleAsync(Settlement(keyId, requestId, request, price, new CreditReservation(ReserveVerdict.Reserved, 0, 0, null, ""), new TokenUsage(0, 0)));
            await OpenAiError.Unavailable("the key's ledger did not answer in time (a node may be failing over); nothing is charged, try again")
                .WriteAsync(context.Response);
            return;
        }
        if (!reservation.IsReserved)
        {
            tally.Status = reservation.Verdict.ToString().ToLowerInvariant();
            await Refusal(context.Response, reservation).WriteAsync(context.Response);
            return;
        }

        var id = (kind == TextRequestKind.Chat ? "chatcmpl-" : "cmpl-") + requestId;
        var stream = new UserStream(context.Response, request, id, time.GetUtcNow().ToUnixTimeSeconds());
        var served = false;
        tally.KeyId = keyId;
        tally.Status = "aborted";
        try
        {
            var minerRequest = request.Miner with { MaxTokens = reservation.GrantedCompletionTokens };
            var outcome = await router.ServeAsync(request.Task.Id, minerRequest, options.Attempts, stream, aborted);
            served = outcome.Served;
            if (served)
            {
                var usage = new TokenUsage(Math.Min(stream.ReportedPromptTokens ?? request.PromptTokensBound, request.PromptTokensBound), stream.CompletionTokens);
                await SettleAsync(Settlement(keyId, requestId, request, price, reservation, usage));
                (tally.Status, tally.PromptTokens, tally.CompletionTokens, tally.FirstToken) = ("ok", usage.PromptTokens, usage.CompletionTokens, stream.FirstTokenTimestamp);
                await stream.CompleteAsync(usage, aborted);
            }
            else if (stream.HasRelayed)
            {
                tally.Status = "failed";
                await stream.FailAsync(OpenAiError.MinersFailed($"the miner failed mid-answer ({outcome.Outcome?.Kind}); nothing is charged"), aborted);
            }
            else
            {
                tally.Status = outcome.Tries == 0 ? "no_capacity" : "failed";
                await (outcome.Tries == 0
                    ? OpenAiError.NoMiner($"no miner of '{request.Task.Id}' has capacity left this period; try again shortly")
                    : OpenAiError.MinersFailed($"{outcome.Tries} miner(s) failed before answering (last: {outcome.Result?.Failure ?? outcome.Outcome?.Kind.ToString()}); nothing is charged"))
                    .WriteAsync(context.Response);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The user went away; what it had received is not charged, like any answer that did not complete.
        }
        finally
        {
            if (!served)
            {
                await SettleAsync(Settlement(keyId, requestId, request, price, reservation, new TokenUsage(0, 0)));
            }
        }
    }

    /// <summary>The key id and secret of the bearer token; a null id with a secret is a token not shaped like ours.</summary>
    private static (string? KeyId, string? Secret) Credentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var secret = header[7..].Trim();
        return (ApiKeySecret.KeyIdOf(secret), secret);
    }

    private async Task<(UserRequest?, OpenAiError?)> ReadAsync(HttpRequest http, TextRequestKind kind)
    {
        if (http.ContentLength > options.MaxBodyBytes)
        {
            return (null, OpenAiError.TooLarge(options.MaxBodyBytes));
        }

        var body = new ArrayBufferWriter<byte>(4096);
        try
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await http.Body.ReadAsync(buffer, http.HttpContext.RequestAborted)) > 0)
                {
                    if (body.WrittenCount + read > options.MaxBodyBytes)
                    {
                        return (null, OpenAiError.TooLarge(options.MaxBodyBytes));
                    }

                    body.Write(buffer.AsSpan(0, read));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (BadHttpRequestException error)
        {
            return (null, error.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? OpenAiError.TooLarge(options.MaxBodyBytes)
                : OpenAiError.Invalid("body", $"the body could not be read: {error.Message}"));
        }

        return UserRequestReader.Read(body.WrittenMemory, kind, catalog, options);
    }

    private static OpenAiError Refusal(HttpResponse response, CreditReservation reservation)
    {
        switch (reservation.Verdict)
        {
            case ReserveVerdict.RateLimited:
                var seconds = (int)Math.Ceiling((reservation.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return OpenAiError.RateLimited($"{reservation.Message}; retry after {seconds} s");
            case ReserveVerdict.NoCredit:
                return OpenAiError.NoCredit(reservation.Message);
            case ReserveVerdict.UnknownKey:
            case ReserveVerdict.Revoked:
                return OpenAiError.BadKey(reservation.Message);
            default:
                return OpenAiError.Invalid("request", reservation.Message);
        }
    }

    private static SettleCredit Settlement(string keyId, string requestId, UserRequest request, TaskPrice price, CreditReservation held, TokenUsage usage) =>
        new(keyId, requestId, usage.PromptTokens, usage.CompletionTokens, request.Task.Id, price, held.GrantedCompletionTokens, held.Amount);

    /// <summary>Settles with a few tries (each is idempotent); a settlement that never lands leaves the hold to expire uncharged.</summary>
    private async Task SettleAsync(SettleCredit settlement)
    {
        for (var attempt = 1; attempt <= SettleTries; attempt++)
        {
            try
            {
                var settled = await keys.SettleAsync(settlement, CancellationToken.None);
                if (!settled.Settled && settlement.CompletionTokens > 0)
                {
                    OrganicLog.NotSettled(logger, settlement.RequestId, settlement.KeyId, settled.Message);
                }

                return;
            }
            catch (Exception error) when (error is TimeoutException or Akka.Actor.AskTimeoutException)
            {
                OrganicLog.SettleRetry(logger, settlement.RequestId, settlement.KeyId, attempt, error.Message);
            }
        }
    }
}
