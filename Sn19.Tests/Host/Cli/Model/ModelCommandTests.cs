namespace Sn19.Tests.Host.Cli.Model;

using System.CommandLine;
using System.Text.Json;
using Sn19.Host.Cli;
using Sn19.Tests.TestSupport;

/// <summary>`sn19 model create-test | generate | score | bench` invoked in process on a tiny model.</summary>
public sealed class ModelCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sn19-model-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await RootCommandFactory.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<string> CreateTiny()
    {
        var path = Path.Combine(_dir, "tiny.gguf");
        var (exit, _, error) = await Run("model", "create-test", "--shape", "tiny", "--vocab", TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"), "--type", "q8_0", "--seed", "4", "--out", path);
        Assert.True(exit == 0, error);
        return path;
    }

    [Fact]
    public async Task CreateTest_SameSeed_WritesTheSameBytes()
    {
        var first = await CreateTiny();
        var copy = Path.Combine(_dir, "copy.gguf");
        File.Move(first, copy);
        var second = await CreateTiny();
        Assert.Equal(await File.ReadAllBytesAsync(copy), await File.ReadAllBytesAsync(second));
    }

    [Fact]
    public async Task GenerateAndScore_Json_AgreeOnLogProbs()
    {
        var model = await CreateTiny();
        var (exit, stdout, error) = await Run("model", "generate", "--model", model, "--prompt", "Hello", "--max-tokens", "6", "--temperature", "0", "--logprobs", "2", "--json", "--threads", "1");
        Assert.True(exit == 0, error);
        var steps = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(6, steps.Length);
        Assert.Equal("length", steps[^1].GetProperty("finish").GetString());

        // Greedy log-probabilities are raw; scoring the same ids at temperature 0 reproduces them.
        var ids = "1 15043 " + string.Join(' ', steps.Select(s => s.GetProperty("id").GetInt32()));
        (exit, stdout, error) = await Run("model", "score", "--model", model, "--ids", ids, "--from", "2", "--temperature", "0", "--json");
        Assert.True(exit == 0, error);
        var scores = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(steps.Length, scores.Length);
        for (var i = 0; i < steps.Length; i++)
        {
            Assert.Equal(steps[i].GetProperty("logprob").GetSingle(), scores[i].GetProperty("logprob").GetSingle(), 4);
            Assert.Equal(1, scores[i].GetProperty("rank").GetInt32());
        }
    }

    [Fact]
    public async Task Bench_TinyModel_PrintsDecodeAndPrefill()
    {
        var model = await CreateTiny();
        var (exit, stdout, error) = await Run("model", "bench", "--model", model, "--decode-tokens", "4", "--prefill-tokens", "8", "--threads", "1");
        Assert.True(exit == 0, error);
        Assert.Contains("decode", stdout, StringComparison.Ordinal);
        Assert.Contains("prefill-8", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate", "--prompt", "x")]
    [InlineData("score", "--ids", "1 2")]
    [InlineData("bench")]
    public async Task Commands_MissingModelFile_ExitTwoWithAMessage(string command, params string[] rest)
    {
        var (exit, _, error) = await Run(["model", command, "--model", Path.Combine(_dir, "none.gguf"), .. rest]);
        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_BadIds_ExitTwo()
    {
        var model = await CreateTiny();
        var (exit, _, error) = await Run("model", "score", "--model", model, "--ids", "1 x 3");
        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains("--ids", error, StringComparison.Ordinal);
    }
}
