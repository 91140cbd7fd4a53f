namespace Sn19.Inference.Generation;

using Sn19.Inference.Tokenizers;

/// <summary>Each token's text on its own (as vLLM's decoded_token: a SentencePiece "▁the" is " the"), cached per id.</summary>
internal sealed class TokenTexts(ITokenizer tokenizer)
{
    private readonly string?[] _texts = new string?[tokenizer.VocabularySize];

    public string Get(int id)
    {
        if ((uint)id >= (uint)_texts.Length)
        {
            return string.Empty;
        }

        return _texts[id] ??= tokenizer.CreateStreamDecoder().Append(id);
    }
}
