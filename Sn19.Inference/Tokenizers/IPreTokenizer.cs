namespace Sn19.Inference.Tokenizers;

/// <summary>
/// Splits text into the words BPE merges within. Every character of the input lands in exactly one piece, in order
/// (text no pattern matches becomes a piece of its own, as in llama.cpp and Hugging Face tokenizers).
/// Implementations are stateless and thread-safe.
/// </summary>
internal interface IPreTokenizer
{
    /// <summary>Appends the pieces of <paramref name="text"/> as (start, length) char ranges relative to it.</summary>
    void Split(ReadOnlySpan<char> text, List<(int Start, int Length)> pieces);
}
