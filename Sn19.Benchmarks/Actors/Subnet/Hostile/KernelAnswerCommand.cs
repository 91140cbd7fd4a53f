namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Miner;
using Sn19.Inference.Generation;
using Sn19.Inference.Kernels;

/// <summary>
/// The child side of <see cref="KernelProcessAnswers"/>: <c>hostile-answers MODEL.gguf</c> loads the model, prints the
/// Q8_0 kernels this process runs, then reads requests as JSON lines on standard input and prints each answer's chunks
/// as one JSON line, in order.
/// </summary>
internal static class KernelAnswerCommand
{
    public const string Command = "hostile-answers";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new LocalEngineOptions { MaxContext = 256, MaxConcurrentSequences = 8 };
        using var engine = LlamaEngine.Load(args[1], options);
        var answers = new BackendAnswers(new InferenceMinerBackend(new LocalInferenceBackend(engine, options)), together: 4);
        var requests = new List<TextRequest>();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            requests.Add(JsonSerializer.Deserialize<TextRequest>(line)!);
        }

        Console.WriteLine(Q8Products.Description);
        foreach (var answer in await answers.AnswerAsync(requests, CancellationToken.None))
        {
            Console.WriteLine(JsonSerializer.Serialize(answer));
        }

        return 0;
    }
}
