namespace Sn19.Tests.TestSupport;

/// <summary>What a finished child left: its exit code and its stdout and stderr (each line ending in a newline).</summary>
public sealed record Sn19ProcessResult(int ExitCode, string Stdout, string Stderr);
