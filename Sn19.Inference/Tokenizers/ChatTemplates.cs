namespace Sn19.Inference.Tokenizers;

using Sn19.Inference.Gguf;

/// <summary>
/// Picks a chat template for a model. Supported: "llama2" (<c>[INST] &lt;&lt;SYS&gt;&gt;</c>), "llama3"
/// (<c>&lt;|start_header_id|&gt;…&lt;|eot_id|&gt;</c>), "chatml" (<c>&lt;|im_start|&gt;…&lt;|im_end|&gt;</c>) and "plain". Sn19 does not
/// run the Jinja in tokenizer.chat_template; it recognises which of these it is by its markers. Without a template
/// the vocabulary decides: Llama 3 header tokens → llama3, ChatML tokens → chatml, a SentencePiece ("llama")
/// vocabulary → llama2, anything else → plain.
/// </summary>
public static class ChatTemplates
{
    public static IReadOnlyList<string> Supported { get; } = ["llama2", "llama3", "chatml", "plain"];

    public static IChatTemplate ForModel(GgufFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var tokens = file.TryGetString("tokenizer.ggml.model", out _) ? file.GetStringArray("tokenizer.ggml.tokens") : [];
        if (file.TryGetString("tokenizer.chat_template", out var template))
        {
            return FromName(NameForTemplate(template), file, tokens);
        }

        var has = tokens.ToHashSet(StringComparer.Ordinal);
        var name = has.Contains("<|start_header_id|>") && has.Contains("<|eot_id|>") ? "llama3"
            : has.Contains("<|im_start|>") && has.Contains("<|im_end|>") ? "chatml"
            : file.TryGetString("tokenizer.ggml.model", out var model) && model == "llama" ? "llama2"
            : "plain";
        return FromName(name, file, tokens);
    }

    /// <summary>A template by name (one of <see cref="Supported"/>), with the given BOS/EOS texts.</summary>
    public static IChatTemplate ByName(string name, string bosText, string eosText) => name switch
    {
        "llama2" => new Llama2ChatTemplate(bosText, eosText),
        "llama3" => new Llama3ChatTemplate(bosText),
        "chatml" => new ChatMlChatTemplate(),
        "plain" => new PlainChatTemplate(bosText),
        _ => throw new ArgumentException($"chat template '{name}' is not one of {string.Join(", ", Supported)}", nameof(name)),
    };

    private static string NameForTemplate(string template) =>
        template.Contains("<|start_header_id|>", StringComparison.Ordinal) ? "llama3"
        : template.Contains("<|im_start|>", StringComparison.Ordinal) ? "chatml"
        : template.Contains("[INST]", StringComparison.Ordinal) ? "llama2"
        : "plain";

    private static IChatTemplate FromName(string name, GgufFile file, IReadOnlyList<string> tokens)
    {
        var bos = TokenText(file, tokens, "tokenizer.ggml.bos_token_id");
        var eos = TokenText(file, tokens, "tokenizer.ggml.eos_token_id");
        // The same default as the tokenizer: SentencePiece vocabularies add BOS unless told not to, BPE ones do not.
        var addsBos = file.TryGetBool("tokenizer.ggml.add_bos_token", out var add)
            ? add
            : file.TryGetString("tokenizer.ggml.model", out var model) && model == "llama";
        return ByName(name, name == "plain" && !addsBos ? string.Empty : bos, eos);
    }

    private static string TokenText(GgufFile file, IReadOnlyList<string> tokens, string key)
    {
        if (!file.ContainsKey(key))
        {
            return string.Empty;
        }

        var id = file.GetValue(key).AsInt64();
        return id >= 0 && id < tokens.Count ? tokens[(int)id] : string.Empty;
    }
}
