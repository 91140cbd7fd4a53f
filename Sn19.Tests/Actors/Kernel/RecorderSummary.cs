namespace Sn19.Tests.Actors.Kernel;

/// <summary>What <see cref="RecorderActor"/> reports to introspection.</summary>
public sealed record RecorderSummary(int Notes, string? LastNote);
