namespace Sn19.Tests.LlamaCpp;

using System.Diagnostics;

/// <summary>
/// llama.cpp serving a GGUF file behind <c>shim.mjs</c>, an OpenAI-compatible server on a free loopback port: an honest
/// miner on another engine (node-llama-cpp 3.21.1's prebuilt CPU binaries, installed by
/// scripts/test-setup.d/40-node-packages.sh). The tests and the hostile report (which links this file) both start it.
/// Disposing closes its standard input, on which it exits.
/// </summary>
internal sealed class LlamaCppShim : IAsyncDisposable
{
    public const string Version = "node-llama-cpp 3.21.1";

    private readonly Process _process;

    private LlamaCppShim(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The server's root (the OpenAI client appends /v1/...).</summary>
    public Uri Url { get; }

    /// <summary>The folder of shim.mjs and its node packages, under the repository root.</summary>
    public static string Directory(string repositoryRoot) => Path.Combine(repositoryRoot, "Sn19.Tests", "LlamaCpp");

    /// <summary>Whether the node packages are installed (scripts/test-setup.d/40-node-packages.sh).</summary>
    public static bool IsInstalled(string repositoryRoot) =>
        File.Exists(Path.Combine(Directory(repositoryRoot), "node_modules", "node-llama-cpp", "package.json"));

    public static async Task<LlamaCppShim> StartAsync(string repositoryRoot, string modelFile, int context, CancellationToken cancellationToken)
    {
        if (!IsInstalled(repositoryRoot))
        {
            throw new InvalidOperationException(
                $"{Version} is not installed in {Directory(repositoryRoot)}: run `bash scripts/test-setup.d/40-node-packages.sh` (test.sh does)");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory(repositoryRoot),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "shim.mjs", "--model", modelFile, "--context", context.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "2" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            // The model loads before the server listens; its first line is the address.
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            const string Prefix = "listening ";
            if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                await process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException($"the llama.cpp shim did not start (exit {process.ExitCode}): {line} {await errors}");
            }

            return new LlamaCppShim(process, new Uri(line[Prefix.Length..].Trim()));
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
