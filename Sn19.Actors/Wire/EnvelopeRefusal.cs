namespace Sn19.Actors.Wire;

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>Writes a refused request's answer: the rejection's status and <c>{"error","message"}</c>, logged.</summary>
internal static class EnvelopeRefusal
{
    /// <summary>With <paramref name="bodyUnread"/> the connection is closed after the answer: the server would otherwise
    /// read the rest of a body it refused (8 MiB, say) to keep the connection open.</summary>
    public static async Task WriteAsync(HttpContext context, EnvelopeRejection rejection, string detail, bool bodyUnread, ILogger logger)
    {
        var code = EnvelopeRejections.Code(rejection);
        var validator = WireHeaders.Single(context.Request, WireHeaders.ValidatorHotkey) ?? "-";
        WireLog.Refused(logger, code, validator, detail);
        var response = context.Response;
        response.StatusCode = EnvelopeRejections.StatusCode(rejection);
        response.ContentType = "application/json";
        if (bodyUnread)
        {
            response.Headers.Connection = "close";
        }

        if (rejection == EnvelopeRejection.TooManyNonces)
        {
            response.Headers.RetryAfter = "10";
        }
        else if (rejection == EnvelopeRejection.TooManyUnverified)
        {
            response.Headers.RetryAfter = "1";
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(new EnvelopeError(code, detail), WireJsonContext.Default.EnvelopeError);
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted);
    }
}
