namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using System.Diagnostics;
using System.Text.Json;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// The honest engine in a child process whose .NET runtime has instruction sets switched off (<c>DOTNET_Enable…=0</c>),
/// so it runs other Q8_0 kernels than the checker in this process: the child is this benchmark's
/// <see cref="KernelAnswerCommand"/>, fed the requests as JSON lines, answering four at a time.
/// </summary>
internal sealed class KernelProcessAnswers(string modelFile, IReadOnlyDictionary<string, string> switches) : IAnswerSource
{
    /// <summary>The kernels the child reported running, once it has answered.</summary>
    public string Kernels { get; private set; } = "?";

    public async Task<IReadOnlyList<IReadOnlyList<JsonElement>>> AnswerAsync(IReadOnlyList<TextRequest> requests, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(KernelProcessAnswers).Assembly.Location);
        }

        start.ArgumentList.Add(KernelAnswerCommand.Command);
        start.ArgumentList.Add(modelFile);
        foreach (var (name, value) in switches)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the answering process did not start");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request).AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0 || lines.Length != requests.Count + 1)
        {
            throw new InvalidOperationException($"the answering process ({string.Join(' ', switches.Select(s => $"{s.Key}={s.Value}"))}) exited with {process.ExitCode}: {await errors}");
        }

        Kernels = lines[0];
        return lines.Skip(1).Select(line => (IReadOnlyList<JsonElement>)JsonSerializer.Deserialize<JsonElement[]>(line)!).ToList();
    }
}
