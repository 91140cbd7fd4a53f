namespace Sn19.Benchmarks.Actors.Kernel;

/// <summary>The message every tell benchmark sends; one shared instance, so no side allocates per message.</summary>
internal sealed record Ping
{
    public static Ping Instance { get; } = new();
}
