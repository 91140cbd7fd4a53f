namespace Sn19.Host.Cli;

/// <summary>Process exit codes shared by every `sn19` command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something went wrong while running.</summary>
    public const int Failure = 1;

    /// <summary>The user asked for something that cannot be done as asked: bad input, bad configuration,
    /// wrong password, or a command that is not built yet.</summary>
    public const int UsageOrInput = 2;
}
