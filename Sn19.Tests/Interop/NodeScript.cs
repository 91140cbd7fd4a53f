namespace Sn19.Tests.Interop;

using System.Diagnostics;
using Sn19.Tests.TestSupport;

/// <summary>
/// Runs a node script from a folder of Sn19.Tests (Sn19.Tests/Interop unless told) with text on stdin and returns its stdout. The packages come
/// from scripts/test-setup.d/40-node-packages.sh (npm ci of the committed package-lock.json).
/// </summary>
internal static class NodeScript
{
    public static string InteropDirectory => Path.Combine(TestPaths.RepositoryRoot, "Sn19.Tests", "Interop");

    public static Task<string> RunAsync(string script, string stdin, CancellationToken cancellationToken) =>
        RunAsync(InteropDirectory, script, [], stdin, cancellationToken);

    /// <summary>Runs <paramref name="script"/> of <paramref name="directory"/> (a folder of Sn19.Tests with its own node packages).</summary>
    public static async Task<string> RunAsync(
        string directory, string script, IReadOnlyList<string> arguments, string stdin, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            throw new InvalidOperationException(
                $"node packages are not installed in {directory}: run `bash scripts/test-setup.d/40-node-packages.sh` (test.sh does)");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        process.StandardInput.Close();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
