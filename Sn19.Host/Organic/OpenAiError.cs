namespace Sn19.Host.Organic;

using System.Text.Json;
using Microsoft.AspNetCore.Http;

/// <summary>
/// An error as OpenAI answers it: the status, and <c>{"error": {"message", "type", "param", "code"}}</c>, which
/// every OpenAI client turns into its typed exception (BadRequestError, AuthenticationError, RateLimitError …).
/// </summary>
internal sealed record OpenAiError(int Status, string Type, string Code, string Message, string? Param = null)
{
    public static OpenAiError Invalid(string param, string message) => new(400, "invalid_request_error", "invalid_value", message, param);

    public static OpenAiError MissingKey() => new(401, "authentication_error", "missing_api_key",
        "no API key: send it as 'Authorization: Bearer <key>' (create one with `sn19 ctl keys create`)");

    public static OpenAiError BadKey(string message) => new(401, "authentication_error", "invalid_api_key", message);

    public static OpenAiError NoCredit(string message) => new(402, "insufficient_credit", "insufficient_credit",
        message + "; top the key up with `sn19 ctl keys top-up`");

    public static OpenAiError UnknownModel(string model, IEnumerable<string> known) => new(404, "invalid_request_error", "model_not_found",
        $"the model '{model}' is not served here; available: {string.Join(", ", known)}", "model");

    public static OpenAiError TooLarge(int limit) => new(413, "invalid_request_error", "request_too_large",
        $"the request body is larger than {limit} bytes");

    public static OpenAiError RateLimited(string message) => new(429, "rate_limit_error", "rate_limit_exceeded", message);

    public static OpenAiError NoMiner(string message) => new(503, "service_unavailable", "no_capacity", message);

    public static OpenAiError MinersFailed(string message) => new(502, "upstream_error", "miner_failed", message);

    public static OpenAiError Unavailable(string message) => new(503, "service_unavailable", "unavailable", message);

    /// <summary>Writes the error object (without the status line) as JSON.</summary>
    public void WriteBody(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", Message);
        json.WriteString("type", Type);
        if (Param is null)
        {
            json.WriteNull("param");
        }
        else
        {
            json.WriteString("param", Param);
        }

        json.WriteString("code", Code);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json";
        using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
            WriteBody(json);
        }

        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted);
    }
}
