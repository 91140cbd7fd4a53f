namespace Sn19.Inference.Tokenizers;

/// <summary>A piece of input text: raw text to tokenize (<see cref="TokenId"/> = -1) or a special token found in it.</summary>
internal readonly record struct TextFragment(int Start, int Length, int TokenId)
{
    public bool IsText => TokenId < 0;
}
