namespace Sn19.Benchmarks.Host.Miner;

using System.Diagnostics;
using System.Globalization;

/// <summary>An <c>sn19</c> child process for a report: its stdout read line by line, its memory read from /proc.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static ChildProcess Start(string sn19Dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add(sn19Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    /// <summary>The first stdout line containing <paramref name="marker"/>, within a minute.</summary>
    public async Task<string> WaitForLineAsync(string marker)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await _process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"the child exited before printing '{marker}'");
    }

    /// <summary>A field of /proc/PID/status in MiB (VmRSS: resident now; VmHWM: the resident peak).</summary>
    public double MemoryMiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return double.Parse(kb, CultureInfo.InvariantCulture) / 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
