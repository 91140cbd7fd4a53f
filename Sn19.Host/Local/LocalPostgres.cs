namespace Sn19.Host.Local;

using System.Diagnostics;

/// <summary>
/// The PostgreSQL a local cluster's journal goes in when no <c>--postgres</c> is given: the machine's, started the way
/// the tests start it (<c>scripts/ensure-postgres.sh</c> from this repository, which starts the server if it is
/// stopped and makes the sn19_test role and database), found from the working directory or the program's folder up.
/// </summary>
internal static class LocalPostgres
{
    private const string Script = "scripts/ensure-postgres.sh";

    /// <summary>The connection string, or an exception that says what to do instead.</summary>
    public static async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        var script = Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                $"no {Script} above the working directory to start this machine's PostgreSQL: give one with --postgres CONNECTION");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run bash");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var connection = (await stdout).Trim();
        if (process.ExitCode != 0 || connection.Length == 0)
        {
            throw new InvalidOperationException(
                $"{script} could not start PostgreSQL (exit {process.ExitCode}): {(await stderr).Trim()}; give a server with --postgres CONNECTION");
        }

        return connection;
    }

    private static string? Find(string from)
    {
        for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, Script);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
