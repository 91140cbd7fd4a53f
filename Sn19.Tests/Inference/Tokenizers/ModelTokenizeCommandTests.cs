namespace Sn19.Tests.Inference.Tokenizers;

using System.Globalization;
using System.Text;
using Sn19.Tests.TestSupport;

/// <summary>`sn19 model tokenize` run as a real process on the llama.cpp test vocabularies.</summary>
public sealed class ModelTokenizeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sn19-tokenize-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("llama-spm")]
    [InlineData("gpt-2")]
    public async Task Tokenize_StdinLines_PrintsLlamaCppIdsPerLine(string vocab)
    {
        // One text a line: the test texts that hold no line break of their own.
        var cases = VocabTestFiles.Texts(vocab).Zip(VocabTestFiles.ExpectedIds(vocab), (text, ids) => (First: text, Second: ids))
            .Where(c => !c.First.Contains('\n', StringComparison.Ordinal) && !c.First.Contains('\r', StringComparison.Ordinal))
            .ToArray();
        Assert.True(cases.Length > 30);

        var (exit, stdout, stderr) = await RunAsync(
            string.Concat(cases.Select(c => c.First + "\n")), "--model", TestPaths.Tokenizer($"ggml-vocab-{vocab}.gguf"), "--ids");

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Equal(cases.Length + 1, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(string.Join(' ', cases[i].Second.Select(id => id.ToString(CultureInfo.InvariantCulture))), lines[i]);
        }
    }

    [Theory]
    [InlineData("llama-spm")]
    [InlineData("gpt-2")]
    public async Task Tokenize_FileWithNewlines_IsOneText(string vocab)
    {
        var texts = VocabTestFiles.Texts(vocab);
        var index = texts.ToList().FindIndex(t => t.StartsWith("    Hello\n", StringComparison.Ordinal));
        var textFile = Path.Combine(_dir, "text.txt");
        await File.WriteAllTextAsync(textFile, texts[index], new UTF8Encoding(false));

        var (exit, stdout, stderr) = await RunAsync(
            string.Empty, "--model", TestPaths.Tokenizer($"ggml-vocab-{vocab}.gguf"), "--ids", "--file", textFile);

        Assert.True(exit == 0, stderr);
        Assert.Equal(string.Join(' ', VocabTestFiles.ExpectedIds(vocab)[index]) + "\n", stdout);
    }

    [Fact]
    public async Task Tokenize_PiecesAndAddSpecial_PrintsIdColonPiece()
    {
        var (exit, stdout, _) = await RunAsync(
            "Hello world\n", "--model", TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"), "--add-special");

        Assert.Equal(0, exit);
        Assert.Equal("1:<s> 15043:▁Hello 3186:▁world\n", stdout);
    }

    [Fact]
    public async Task Tokenize_UnsupportedOrMissingModel_ExitsTwoWithMessage()
    {
        var (exit, stdout, stderr) = await RunAsync(string.Empty, "--model", TestPaths.Tokenizer("ggml-vocab-bert-bge.gguf"));
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("'bert' is not supported", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await RunAsync(string.Empty, "--model", Path.Combine(_dir, "absent.gguf"));
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    private static Task<Sn19ProcessResult> RunAsync(string stdin, params string[] args) =>
        Sn19Process.RunAsync(TimeSpan.FromSeconds(60), new Sn19ProcessOptions { StandardInput = stdin }, ["model", "tokenize", .. args]);
}
