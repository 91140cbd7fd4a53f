namespace Sn19.Tests.Inference.Tokenizers;

using System.Text;
using FsCheck;
using FsCheck.Fluent;

/// <summary>
/// For random text over a wide alphabet (ASCII, accents, Cyrillic, CJK, Khmer, emoji, combining marks, every kind of
/// whitespace), both vocabularies decode what they encode back to the text, and streaming the ids one by one gives
/// the same text as decoding them at once.
/// </summary>
public sealed class RoundTripPropertyTests
{
    private static readonly string[] Alphabet =
    [
        "a", "Z", "e", "q", "'", "s", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000", "0", "7", "42", ".", ",", "!", "?",
        "<", ">", "|", "ü", "é", "\u0301", "Ж", "ы", "中", "文", "ក", "ា", "ំ", "🦙", "😀", "👍🏽", "𝕏", "½", "™", "<s>",
        "Hello", " world", "don't", "<0x41>", "\u2028",
    ];

    [Theory]
    [InlineData("llama-spm")]
    [InlineData("gpt-2")]
    public void EncodeThenDecode_RandomText_GivesTextBackAndStreamAgrees(string vocab)
    {
        var tokenizer = VocabTestFiles.Tokenizer(vocab);
        var texts = Gen.Elements(Alphabet).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();
        var property = Prop.ForAll(texts, text =>
        {
            var ids = tokenizer.Encode(text);
            var decoded = tokenizer.Decode(ids);
            var stream = tokenizer.CreateStreamDecoder(atTextStart: true);
            var streamed = new StringBuilder();
            foreach (var id in ids)
            {
                streamed.Append(stream.Append(id));
            }

            streamed.Append(stream.Flush());
            return (decoded == text && streamed.ToString() == text)
                .Label($"text '{text}' decoded '{decoded}' streamed '{streamed}'");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(30).WithReplay(4242, 4243 | 1), property);
    }
}
