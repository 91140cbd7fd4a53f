namespace Sn19.Inference.Tokenizers;

using Sn19.Inference.Gguf;

/// <summary>
/// Builds the tokenizer a GGUF file describes in its tokenizer.ggml.* metadata.
/// <list type="bullet">
/// <item>"llama": SentencePiece BPE with scores, byte fallback (&lt;0xNN&gt;) and the "▁" space prefix.</item>
/// <item>"gpt2": byte-level BPE with merges; tokenizer.ggml.pre picks the pre-tokenizer: "default" (llama.cpp's
/// fallback regexes), "gpt-2" and its equals ("phi-2", "roberta-bpe", "mpt", "olmo"), "llama-bpe" / "llama3" /
/// "llama-v3" (Llama 3, which also emits whole-word tokens before merging), "qwen2" / "deepseek-r1-qwen".</item>
/// </list>
/// Anything else is a <see cref="GgufFormatException"/> naming the model or pre-tokenizer.
/// </summary>
public static class TokenizerFactory
{
    public static ITokenizer FromGguf(GgufFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var model = file.GetString("tokenizer.ggml.model");
        switch (model)
        {
            case "llama":
                return new SentencePieceTokenizer(Vocabulary.FromGguf(file, model));
            case "gpt2":
                var pre = file.TryGetString("tokenizer.ggml.pre", out var p) ? p : "default";
                var (preTokenizer, ignoreMerges) = PreTokenizerFor(pre, file.Path);
                return new BytePairTokenizer(
                    Vocabulary.FromGguf(file, model), file.GetStringArray("tokenizer.ggml.merges"), preTokenizer, ignoreMerges);
            default:
                throw new GgufFormatException(
                    $"'{file.Path}': tokenizer.ggml.model '{model}' is not supported (supported: llama, gpt2)");
        }
    }

    private static (IPreTokenizer PreTokenizer, bool IgnoreMerges) PreTokenizerFor(string pre, string path) => pre switch
    {
        "default" or "" => (RegexPreTokenizer.Default, false),
        "gpt-2" or "phi-2" or "roberta-bpe" or "mpt" or "olmo" => (Gpt2PreTokenizer.Instance, false),
        "llama3" or "llama-v3" or "llama-bpe" => (Llama3PreTokenizer.Llama3, true),
        "qwen2" or "deepseek-r1-qwen" => (Llama3PreTokenizer.Qwen2, false),
        _ => throw new GgufFormatException(
            $"'{path}': tokenizer.ggml.pre '{pre}' is not supported (supported: default, gpt-2, phi-2, roberta-bpe, mpt, olmo, llama-bpe, llama3, llama-v3, qwen2, deepseek-r1-qwen)"),
    };
}
