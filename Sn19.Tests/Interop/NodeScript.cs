namespace Sn19.Tests.Interop;

using System.Diagnostics;
using Sn19.Tests.TestSupport;

/// <summary>
/// Runs a node script from Sn19.Tests/Interop with JSON on stdin and returns its stdout. The packages come
/// from scripts/test-setup.d/40-interop.sh (npm ci of the committed package-lock.json).
/// </summary>
internal static class NodeScript
{
    public static string InteropDirectory => Path.Combine(TestPaths.RepositoryRoot, "Sn19.Tests", "Interop");

    public static async Task<string> RunAsync(string script, string stdin, CancellationToken cancellationToken)
    {
        var directory = InteropDirectory;
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@polkadot", "util-crypto")))
        {
            throw new InvalidOperationException(
                $"node packages are not installed in {directory}: run `bash scripts/test-setup.d/40-interop.sh` (test.sh does)");
        }

        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
