namespace Sn19.Inference.Tokenizers;

using System.Buffers;
using System.Text;

/// <summary>
/// What SentencePiece and BPE tokenizers share: special-token splitting, BOS/EOS, decoding through per-token byte
/// pieces computed once at load (by the subclass's buildPiece, for every non-control token), and stream decoders.
/// Subclasses encode raw text fragments.
/// </summary>
internal abstract class TokenizerBase : ITokenizer
{
    private readonly SpecialTokenSplitter _specials;
    private readonly byte[][] _pieces;
    private readonly byte[][] _specialPieces;

    protected TokenizerBase(Vocabulary vocabulary, Func<Vocabulary, int, byte[]> buildPiece)
    {
        Vocabulary = vocabulary;
        _specials = new SpecialTokenSplitter(vocabulary);
        _pieces = new byte[vocabulary.Count][];
        _specialPieces = new byte[vocabulary.Count][];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var special = vocabulary.IsControl(id);
            _pieces[id] = special ? [] : buildPiece(vocabulary, id);
            _specialPieces[id] = special ? Encoding.UTF8.GetBytes(vocabulary.Tokens[id]) : _pieces[id];
        }
    }

    public string Model => Vocabulary.Model;

    public int VocabularySize => Vocabulary.Count;

    public int BosId => Vocabulary.BosId;

    public int EosId => Vocabulary.EosId;

    public bool AddsBos => Vocabulary.AddBos && Vocabulary.BosId >= 0;

    public IReadOnlySet<int> EndOfGenerationIds => Vocabulary.EndOfGeneration;

    protected Vocabulary Vocabulary { get; }

    /// <summary>Whether <see cref="Decode"/> drops the first token's leading space (SentencePiece's space prefix).</summary>
    protected virtual bool StripsLeadingSpace => false;

    public int[] Encode(string text, bool addSpecial = false, bool parseSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new List<int>(text.Length / 3 + 4);
        if (addSpecial && AddsBos)
        {
            output.Add(Vocabulary.BosId);
        }

        var previousWasSpecial = true;
        foreach (var fragment in _specials.Split(text, parseSpecial))
        {
            if (fragment.IsText)
            {
                EncodeText(text.AsSpan(fragment.Start, fragment.Length), previousWasSpecial, output);
                previousWasSpecial = false;
            }
            else
            {
                output.Add(fragment.TokenId);
                previousWasSpecial = true;
            }
        }

        if (addSpecial && Vocabulary.AddEos && Vocabulary.EosId >= 0)
        {
            output.Add(Vocabulary.EosId);
        }

        return [.. output];
    }

    public string Decode(ReadOnlySpan<int> ids, bool renderSpecial = false)
    {
        var total = 0;
        foreach (var id in ids)
        {
            total += PieceBytes(id, renderSpecial).Length;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(total, 1));
        try
        {
            var length = 0;
            var strip = StripsLeadingSpace;
            for (var i = 0; i < ids.Length; i++)
            {
                var piece = PieceBytes(ids[i], renderSpecial);
                if (strip && !(i == 0 && ids[i] == Vocabulary.BosId))
                {
                    strip = false;
                    if (piece.Length > 0 && piece[0] == (byte)' ')
                    {
                        piece = piece[1..];
                    }
                }

                piece.CopyTo(buffer.AsSpan(length));
                length += piece.Length;
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public string TokenPiece(int id) => Vocabulary.Tokens[CheckId(id)];

    public bool IsControl(int id) => Vocabulary.IsControl(CheckId(id));

    public TokenStreamDecoder CreateStreamDecoder(bool atTextStart = false) =>
        new(this, atTextStart && StripsLeadingSpace, renderSpecial: false);

    /// <summary>The bytes a token contributes to decoded text.</summary>
    internal ReadOnlySpan<byte> PieceBytes(int id, bool renderSpecial) =>
        (renderSpecial ? _specialPieces : _pieces)[CheckId(id)];

    /// <summary>Encodes one fragment of raw text (no special tokens in it) and appends its ids.</summary>
    protected abstract void EncodeText(ReadOnlySpan<char> text, bool afterSpecialOrStart, List<int> output);

    private int CheckId(int id) =>
        (uint)id < (uint)Vocabulary.Count
            ? id
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"token id outside the vocabulary of {Vocabulary.Count}");
}
