namespace Sn19.Inference.Tokenizers;

/// <summary>
/// A tokenizer read from a GGUF file (see <see cref="TokenizerFactory"/>). Token ids match llama.cpp's for the same
/// file. Implementations are immutable and safe to use from many threads at once.
/// </summary>
public interface ITokenizer
{
    /// <summary>tokenizer.ggml.model: "llama" (SentencePiece) or "gpt2" (byte-level BPE).</summary>
    string Model { get; }

    int VocabularySize { get; }

    int BosId { get; }

    int EosId { get; }

    /// <summary>Whether <see cref="Encode"/> with addSpecial prepends <see cref="BosId"/> (tokenizer.ggml.add_bos_token).</summary>
    bool AddsBos { get; }

    /// <summary>Ids that end generation: eos, eot and eom when present, and control tokens such as &lt;|eot_id|&gt;.</summary>
    IReadOnlySet<int> EndOfGenerationIds { get; }

    /// <summary>
    /// Token ids of <paramref name="text"/>. <paramref name="addSpecial"/> adds BOS/EOS as the vocabulary asks;
    /// <paramref name="parseSpecial"/> turns control tokens written in the text (e.g. "&lt;s&gt;", "&lt;|eot_id|&gt;") into their
    /// ids (user-defined tokens are always recognised).
    /// </summary>
    int[] Encode(string text, bool addSpecial = false, bool parseSpecial = false);

    /// <summary>
    /// The text of <paramref name="ids"/>. Control tokens give no text unless <paramref name="renderSpecial"/>. For a
    /// SentencePiece vocabulary that adds a space prefix, the first token's leading space (after an optional BOS) is
    /// dropped, so <c>Decode(Encode(t)) == t</c> (SentencePiece's one exception: a literal "▁" U+2581 in the text comes
    /// back as a space). Invalid UTF-8 (e.g. a cut byte sequence) becomes U+FFFD.
    /// </summary>
    string Decode(ReadOnlySpan<int> ids, bool renderSpecial = false);

    /// <summary>The token's raw text as stored in the vocabulary (e.g. "▁Hello", "Ġworld", "&lt;0x0A&gt;"), for display.</summary>
    string TokenPiece(int id);

    /// <summary>Whether the id is a control, unknown or unused token (no text of its own).</summary>
    bool IsControl(int id);

    /// <summary>
    /// A decoder for a stream of generated ids that returns text only once it is complete UTF-8. By default it treats
    /// the ids as a continuation (a leading "▁" is a real space); <paramref name="atTextStart"/> makes it drop the
    /// SentencePiece space prefix as <see cref="Decode"/> does.
    /// </summary>
    TokenStreamDecoder CreateStreamDecoder(bool atTextStart = false);
}
