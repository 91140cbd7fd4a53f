namespace Sn19.Tests.TestSupport;

/// <summary>How <see cref="Sn19Process"/> starts a child; the defaults suit almost every test.</summary>
public sealed record Sn19ProcessOptions
{
    public static readonly Sn19ProcessOptions Default = new();

    /// <summary>Variables set for the child; a null value removes an inherited one.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The child's current folder; null means the test output folder (where sn19.dll lies).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Text written to the child's stdin before it is closed; stdin is always closed, so no command waits on a terminal.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Runs the child as this uid and gid with no groups (<c>setpriv</c>, which needs root); null: as this process.</summary>
    public int? UserId { get; init; }
}
