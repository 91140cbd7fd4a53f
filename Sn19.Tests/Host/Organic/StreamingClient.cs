namespace Sn19.Tests.Host.Organic;

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

/// <summary>Sends one streamed chat completion and reads its server-sent events to the end, recording what arrived
/// (<see cref="StreamOutcome"/>); a broken connection is an outcome, not an exception.</summary>
internal static class StreamingClient
{
    public static async Task<StreamOutcome> StreamAsync(HttpClient http, Uri api, int key, string secret, string prompt, int maxTokens)
    {
        var body = JsonSerializer.Serialize(new
        {
            model = "chat",
            messages = new[] { new { role = "user", content = prompt } },
            max_tokens = maxTokens,
            stream = true,
            stream_options = new { include_usage = true },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api, "chat/completions")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        int? status = null;
        string? id = null;
        var tokens = 0;
        int? promptTokens = null;
        int? completion = null;
        var done = false;
        string? error = null;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            status = (int)response.StatusCode;
            id = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.First() : null;
            if (!response.IsSuccessStatusCode)
            {
                return new StreamOutcome(api.Authority, key, status, id, 0, null, null, false, false, await response.Content.ReadAsStringAsync());
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    continue;
                }

                var data = line[6..];
                if (data == "[DONE]")
                {
                    done = true;
                    break;
                }

                using var chunk = JsonDocument.Parse(data);
                var root = chunk.RootElement;
                if (root.TryGetProperty("error", out var e))
                {
                    error = e.GetRawText();
                }
                else if (root.GetProperty("choices").GetArrayLength() > 0)
                {
                    tokens++;
                }
                else if (root.TryGetProperty("usage", out var usage))
                {
                    promptTokens = usage.GetProperty("prompt_tokens").GetInt32();
                    completion = usage.GetProperty("completion_tokens").GetInt32();
                }
            }

            return new StreamOutcome(api.Authority, key, status, id, tokens, promptTokens, completion, done, Cut: !done && error is null, error);
        }
        catch (Exception broken) when (broken is HttpRequestException or IOException or TaskCanceledException)
        {
            return new StreamOutcome(api.Authority, key, status, id, tokens, promptTokens, completion, done, Cut: status is not null, broken.GetType().Name + ": " + broken.Message);
        }
    }
}
