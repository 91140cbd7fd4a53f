namespace Sn19.Benchmarks.Inference.Tokenizers;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Sn19.Inference.Gguf;
using Sn19.Inference.Tokenizers;

/// <summary>
/// Encode throughput of the two tokenizers on a ~1.6 KB English answer (what a validator re-tokenises per response),
/// and the hand-written GPT-2 pre-tokenizer against the same pattern run by .NET's compiled regex (the baseline).
/// Run: <c>dotnet run -c Release --project Sn19.Benchmarks -- --filter '*TokenizerEncode*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, warmupCount: 2, iterationCount: 5)]
public class TokenizerEncodeBenchmarks
{
    private const string Answer =
        "The llama (Lama glama) is a domesticated South American camelid, widely used as a meat and pack animal by " +
        "Andean cultures since the pre-Columbian era. Llamas are social animals and live with others as a herd. " +
        "Their wool is soft and contains only a small amount of lanolin. Llamas can learn simple tasks after a few " +
        "repetitions. When using a pack, they can carry about 25 to 30% of their body weight for 8 to 13 km (5-8 miles).\n\n" +
        "The name llama (in the past also spelled \"lama\" or \"glama\") was adopted by European settlers from native " +
        "Peruvians. The ancestors of llamas are thought to have originated from the Great Plains of North America about " +
        "40 million years ago, and subsequently migrated to South America about three million years ago during the " +
        "Great American Interchange. By the end of the last ice age (10,000-12,000 years ago), camelids were extinct " +
        "in North America. As of 2007, there were over seven million llamas and alpacas in South America and over " +
        "158,000 llamas and 100,000 alpacas, descended from progenitors imported late in the 20th century, in the " +
        "United States and Canada.\n\n" +
        "In Aymara mythology, llamas are important beings. The Heavenly Llama is said to drink water from the ocean " +
        "and urinates as it rains. According to Aymara eschatology, llamas will return to the water springs and " +
        "lagoons where they come from at the end of time. Here's a list: 1) wool; 2) meat; 3) transport — it's that simple!";

    private ITokenizer _spm = null!;
    private ITokenizer _gpt2 = null!;
    private readonly List<(int Start, int Length)> _pieces = [];
    private readonly RegexPreTokenizer _gpt2Regex =
        new(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)");

    [GlobalSetup]
    public void Setup()
    {
        using (var file = GgufFile.Open(BenchmarkData.Tokenizer("ggml-vocab-llama-spm.gguf")))
        {
            _spm = TokenizerFactory.FromGguf(file);
        }

        using (var file = GgufFile.Open(BenchmarkData.Tokenizer("ggml-vocab-gpt-2.gguf")))
        {
            _gpt2 = TokenizerFactory.FromGguf(file);
        }
    }

    [Benchmark(Baseline = true)]
    public int Gpt2PreTokenizeRegex()
    {
        _pieces.Clear();
        _gpt2Regex.Split(Answer, _pieces);
        return _pieces.Count;
    }

    [Benchmark]
    public int Gpt2PreTokenizeHandWritten()
    {
        _pieces.Clear();
        Gpt2PreTokenizer.Instance.Split(Answer, _pieces);
        return _pieces.Count;
    }

    [Benchmark]
    public int EncodeGpt2() => _gpt2.Encode(Answer).Length;

    [Benchmark]
    public int EncodeLlamaSpm() => _spm.Encode(Answer).Length;

    [Benchmark]
    public int DecodeGpt2() => _gpt2.Decode(_gpt2.Encode(Answer)).Length;
}
