namespace Sn19.Inference.Tokenizers;

using System.Globalization;
using Sn19.Inference.Gguf;

/// <summary>
/// The token table from a GGUF's tokenizer.ggml.* metadata: texts, types, scores, special ids and the defaults
/// llama.cpp applies when a key is absent. Immutable and thread-safe.
/// </summary>
internal sealed class Vocabulary
{
    // Texts of end-of-turn markers llama.cpp also treats as end of generation when they are control tokens.
    private static readonly string[] EndOfTurnTexts =
    [
        "<|eot_id|>", "<|eom_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<|end_of_text|>", "<EOT>",
    ];

    private readonly Dictionary<string, int> _ids;

    private Vocabulary(string model, IReadOnlyList<string> tokens, TokenType[] types, float[] scores)
    {
        Model = model;
        Tokens = tokens;
        Types = types;
        Scores = scores;
        _ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            // The first id wins when a text repeats, as in llama.cpp's token_to_id map built front to back.
            _ids.TryAdd(tokens[i], i);
        }

        Lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>tokenizer.ggml.model: "llama" or "gpt2".</summary>
    public string Model { get; }

    public IReadOnlyList<string> Tokens { get; }

    public TokenType[] Types { get; }

    /// <summary>tokenizer.ggml.scores, or zeros when absent.</summary>
    public float[] Scores { get; }

    public int Count => Tokens.Count;

    /// <summary>Text → id without allocating: <c>Lookup.TryGetValue(span, out id)</c>.</summary>
    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

    public int BosId { get; private init; }

    public int EosId { get; private init; }

    /// <summary>-1 when the vocabulary has none.</summary>
    public int UnknownId { get; private init; }

    public bool AddBos { get; private init; }

    public bool AddEos { get; private init; }

    /// <summary>tokenizer.ggml.add_space_prefix (SentencePiece only; default true there).</summary>
    public bool AddSpacePrefix { get; private init; }

    public IReadOnlySet<int> EndOfGeneration { get; private set; } = new HashSet<int>();

    public static Vocabulary FromGguf(GgufFile file, string model)
    {
        var tokens = file.GetStringArray("tokenizer.ggml.tokens");
        var count = tokens.Count;
        var types = new TokenType[count];
        if (file.ContainsKey("tokenizer.ggml.token_type"))
        {
            var raw = file.GetInt32Array("tokenizer.ggml.token_type");
            RequireLength("tokenizer.ggml.token_type", raw.Length, count);
            for (var i = 0; i < count; i++)
            {
                types[i] = raw[i] is >= 0 and <= 6 ? (TokenType)raw[i] : TokenType.Undefined;
            }
        }
        else
        {
            Array.Fill(types, TokenType.Normal);
        }

        var scores = new float[count];
        if (file.ContainsKey("tokenizer.ggml.scores"))
        {
            scores = file.GetFloat32Array("tokenizer.ggml.scores");
            RequireLength("tokenizer.ggml.scores", scores.Length, count);
        }

        var sentencePiece = model == "llama";
        var pre = file.TryGetString("tokenizer.ggml.pre", out var p) ? p : "default";

        // llama.cpp's defaults: SentencePiece bos 1 / eos 2 / unk 0 and adds BOS; GPT-2 BPE uses id 11 for both and
        // adds BOS only for the Llama 3 family; the file's keys override all of these.
        var vocabulary = new Vocabulary(model, tokens, types, scores)
        {
            BosId = Id(file, "tokenizer.ggml.bos_token_id", sentencePiece ? 1 : 11, count),
            EosId = Id(file, "tokenizer.ggml.eos_token_id", sentencePiece ? 2 : 11, count),
            UnknownId = Id(file, "tokenizer.ggml.unknown_token_id", sentencePiece ? 0 : -1, count),
            AddBos = file.TryGetBool("tokenizer.ggml.add_bos_token", out var addBos)
                ? addBos
                : sentencePiece || pre is "llama3" or "llama-v3" or "llama-bpe",
            AddEos = file.TryGetBool("tokenizer.ggml.add_eos_token", out var addEos) && addEos,
            AddSpacePrefix = !file.TryGetBool("tokenizer.ggml.add_space_prefix", out var addSpace) ? sentencePiece : addSpace,
        };
        vocabulary.EndOfGeneration = EndOfGenerationIds(file, vocabulary, count);
        return vocabulary;
    }

    public bool TryGetId(ReadOnlySpan<char> text, out int id) => Lookup.TryGetValue(text, out id);

    public bool IsControl(int id) => Types[id] is TokenType.Control or TokenType.Unknown or TokenType.Unused;

    private static HashSet<int> EndOfGenerationIds(GgufFile file, Vocabulary vocabulary, int count)
    {
        var ids = new HashSet<int>();
        if (vocabulary.EosId >= 0)
        {
            ids.Add(vocabulary.EosId);
        }

        foreach (var key in (string[])["tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id"])
        {
            var id = Id(file, key, -1, count);
            if (id >= 0)
            {
                ids.Add(id);
            }
        }

        foreach (var text in EndOfTurnTexts)
        {
            if (vocabulary._ids.TryGetValue(text, out var id) && vocabulary.Types[id] == TokenType.Control)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static int Id(GgufFile file, string key, int fallback, int count)
    {
        if (!file.ContainsKey(key))
        {
            return fallback;
        }

        // Converters write -1 (as a huge uint) for "none"; an id outside the table is treated the same way.
        var id = file.GetValue(key).AsInt64();
        return id >= 0 && id < count ? (int)id : -1;
    }

    private static void RequireLength(string key, int length, int count)
    {
        if (length != count)
        {
            throw new GgufFormatException(string.Create(
                CultureInfo.InvariantCulture, $"metadata key '{key}' has {length} entries but tokenizer.ggml.tokens has {count}"));
        }
    }
}
