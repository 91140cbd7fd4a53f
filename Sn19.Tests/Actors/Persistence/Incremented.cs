namespace Sn19.Tests.Actors.Persistence;

/// <summary>The counter's one event; <paramref name="Writer"/> names the incarnation that wrote it.</summary>
public sealed record Incremented(long By, string Writer);
