namespace Sn19.Host.Organic;

using System.Buffers;
using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Writes the JSON the API user gets, in OpenAI's shapes: stream chunks (<c>chat.completion.chunk</c> or
/// <c>text_completion</c>), the usage chunk, and whole non-streamed answers. The id, model name and creation
/// time are the gateway's, never the miner's: a user cannot tell which miner served it.
/// </summary>
internal sealed class UserResponseWriter(UserRequest request, string id, long created)
{
    private bool _roleSent;
    private int _textOffset;

    private bool Chat => request.Kind == TextRequestKind.Chat;

    public void WriteChunk(IBufferWriter<byte> output, UserToken token, string? finishReason)
    {
        using var json = new Utf8JsonWriter(output);
        WriteHeader(json, Chat ? "chat.completion.chunk" : "text_completion");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        if (Chat)
        {
            json.WriteStartObject("delta");
            if (!_roleSent)
            {
                json.WriteString("role", "assistant");
                _roleSent = true;
            }

            json.WriteString("content", token.Text);
            json.WriteEndObject();
            WriteChatLogprobs(json, [token]);
        }
        else
        {
            json.WriteString("text", token.Text);
            WriteCompletionLogprobs(json, [token], _textOffset);
            _textOffset += token.Text.Length;
        }

        OpenAiJson.WriteFinishReason(json, finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public void WriteUsageChunk(IBufferWriter<byte> output, TokenUsage usage)
    {
        using var json = new Utf8JsonWriter(output);
        WriteHeader(json, Chat ? "chat.completion.chunk" : "text_completion");
        json.WriteStartArray("choices");
        json.WriteEndArray();
        OpenAiJson.WriteUsage(json, usage);
        json.WriteEndObject();
    }

    public void WriteComplete(IBufferWriter<byte> output, IReadOnlyList<UserToken> tokens, string finishReason, TokenUsage usage)
    {
        using var json = new Utf8JsonWriter(output);
        WriteHeader(json, Chat ? "chat.completion" : "text_completion");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        var text = string.Concat(tokens.Select(t => t.Text));
        if (Chat)
        {
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", text);
            json.WriteEndObject();
            WriteChatLogprobs(json, tokens);
        }
        else
        {
            json.WriteString("text", text);
            WriteCompletionLogprobs(json, tokens, 0);
        }

        OpenAiJson.WriteFinishReason(json, finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        OpenAiJson.WriteUsage(json, usage);
        json.WriteEndObject();
    }

    private void WriteHeader(Utf8JsonWriter json, string kind)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", kind);
        json.WriteNumber("created", created);
        json.WriteString("model", request.ModelName);
    }

    private void WriteChatLogprobs(Utf8JsonWriter json, IReadOnlyList<UserToken> tokens)
    {
        if (!request.Logprobs)
        {
            json.WriteNull("logprobs");
            return;
        }

        json.WriteStartObject("logprobs");
        json.WriteStartArray("content");
        foreach (var token in tokens)
        {
            json.WriteStartObject();
            json.WriteString("token", token.Text);
            json.WriteNumber("logprob", token.Logprob);
            json.WriteNull("bytes");
            json.WriteStartArray("top_logprobs");
            foreach (var (name, logprob) in token.Top.Take(request.TopLogprobs))
            {
                json.WriteStartObject();
                json.WriteString("token", name);
                json.WriteNumber("logprob", logprob);
                json.WriteNull("bytes");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteCompletionLogprobs(Utf8JsonWriter json, IReadOnlyList<UserToken> tokens, int offset)
    {
        if (!request.Logprobs)
        {
            json.WriteNull("logprobs");
            return;
        }

        OpenAiJson.WriteCompletionLogprobs(
            json, [.. tokens.Select(t => new OpenAiJson.LoggedToken(t.Text, t.Logprob, t.Top.Take(request.TopLogprobs)))], [.. tokens.Select(t => t.Text)], offset);
    }
}
