namespace Sn19.Actors.Wire.OpenAi;

using System.Buffers;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// Writes OpenAI (vLLM-shaped) stream chunks: one token per chunk with its log-probability and top
/// alternatives, the finish reason on the last token, usage in a final chunk with no choices.
/// With <c>return_tokens_as_token_ids</c> each token is written <c>token_id:N</c>, as vLLM does.
/// </summary>
public sealed class OpenAiChunkWriter
{
    private readonly TextRequest _request;
    private readonly string _id;
    private readonly long _created;
    private int _textOffset;

    public OpenAiChunkWriter(TextRequest request, string id, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _id = id;
        _created = created.ToUnixTimeSeconds();
    }

    /// <summary>The JSON of the chunk that carries <paramref name="token"/>.</summary>
    public void WriteToken(IBufferWriter<byte> output, StreamedToken token, string? finishReason)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var json = new Utf8JsonWriter(output);
        WriteHeader(json, chat: _request.Kind == TextRequestKind.Chat);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        if (_request.Kind == TextRequestKind.Chat)
        {
            json.WriteStartObject("delta");
            json.WriteString("content", token.Text);
            json.WriteEndObject();
            json.WriteStartObject("logprobs");
            json.WriteStartArray("content");
            WriteChatLogprob(json, token.Id, token.Text, token.Logprob, token.Top);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("text", token.Text);
            WriteCompletionLogprobs(json, token);
            _textOffset += token.Text.Length;
        }

        OpenAiJson.WriteFinishReason(json, finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The final chunk: no choices, the request's usage.</summary>
    /// <summary>A closing chunk with only the finish reason, for a backend that reports it after its last token
    /// (llama.cpp's server does): no text, no log-probabilities, so a validator counts no token for it.</summary>
    public void WriteFinish(IBufferWriter<byte> output, string finishReason)
    {
        using var json = new Utf8JsonWriter(output);
        var chat = _request.Kind == TextRequestKind.Chat;
        WriteHeader(json, chat);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        if (chat)
        {
            json.WriteStartObject("delta");
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("text", string.Empty);
        }

        OpenAiJson.WriteFinishReason(json, finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public void WriteUsage(IBufferWriter<byte> output, TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        using var json = new Utf8JsonWriter(output);
        WriteHeader(json, chat: _request.Kind == TextRequestKind.Chat);
        json.WriteStartArray("choices");
        json.WriteEndArray();
        OpenAiJson.WriteUsage(json, usage);
        json.WriteEndObject();
    }

    /// <summary>A whole non-streaming answer: message or text, per-token log-probabilities, usage.</summary>
    public void WriteComplete(IBufferWriter<byte> output, IReadOnlyList<StreamedToken> tokens, string finishReason, TokenUsage usage)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(usage);
        using var json = new Utf8JsonWriter(output);
        var chat = _request.Kind == TextRequestKind.Chat;
        json.WriteStartObject();
        json.WriteString("id", _id);
        json.WriteString("object", chat ? "chat.completion" : "text_completion");
        json.WriteNumber("created", _created);
        json.WriteString("model", _request.Model);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        var text = string.Concat(tokens.Select(t => t.Text));
        if (chat)
        {
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", text);
            json.WriteEndObject();
            json.WriteStartObject("logprobs");
            json.WriteStartArray("content");
            foreach (var token in tokens)
            {
                WriteChatLogprob(json, token.Id, token.Text, token.Logprob, token.Top);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("text", text);
            WriteCompletionLogprobs(json, tokens);
        }

        json.WriteString("finish_reason", finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        OpenAiJson.WriteUsage(json, usage);
        json.WriteEndObject();
    }

    private void WriteHeader(Utf8JsonWriter json, bool chat)
    {
        json.WriteStartObject();
        json.WriteString("id", _id);
        json.WriteString("object", chat ? "chat.completion.chunk" : "text_completion");
        json.WriteNumber("created", _created);
        json.WriteString("model", _request.Model);
    }

    private string TokenName(int id, string text) =>
        _request.ReturnTokensAsTokenIds ? "token_id:" + id.ToString(CultureInfo.InvariantCulture) : text;

    private void WriteChatLogprob(Utf8JsonWriter json, int id, string text, double logprob, IReadOnlyList<TokenAlternative> top)
    {
        json.WriteStartObject();
        json.WriteString("token", TokenName(id, text));
        json.WriteNumber("logprob", logprob);
        json.WriteStartArray("top_logprobs");
        foreach (var alternative in top.Take(_request.TopLogprobs))
        {
            json.WriteStartObject();
            json.WriteString("token", TokenName(alternative.Id, alternative.Text));
            json.WriteNumber("logprob", alternative.Logprob);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteCompletionLogprobs(Utf8JsonWriter json, StreamedToken token) => WriteCompletionLogprobs(json, [token]);

    private void WriteCompletionLogprobs(Utf8JsonWriter json, IReadOnlyList<StreamedToken> tokens) =>
        OpenAiJson.WriteCompletionLogprobs(
            json,
            [.. tokens.Select(t => new OpenAiJson.LoggedToken(
                TokenName(t.Id, t.Text), t.Logprob, t.Top.Take(Math.Max(_request.TopLogprobs, 1)).Select(a => (TokenName(a.Id, a.Text), a.Logprob))))],
            [.. tokens.Select(t => t.Text)],
            tokens.Count == 1 ? _textOffset : 0);
}
