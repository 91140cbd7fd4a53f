namespace Sn19.Host.Configuration.Hocon;

/// <summary>
/// `${path}` or `${?path}`. <see cref="Path"/> is absolute in the whole document (a file included inside
/// an object has its substitutions prefixed with that object's path); <see cref="WrittenPath"/> is the path
/// as written, used for the environment-variable fallback.
/// </summary>
internal sealed class HoconSubstitution(
    HoconPath path,
    HoconPath writtenPath,
    bool optional,
    HoconOrigin origin,
    bool environmentOnly = false,
    bool isSelfReference = false) : HoconValue(origin)
{
    public HoconPath Path { get; } = path;

    public HoconPath WrittenPath { get; } = writtenPath;

    public bool Optional { get; } = optional;

    /// <summary>A self-reference with no earlier value: only the environment can supply one.</summary>
    public bool EnvironmentOnly { get; } = environmentOnly;

    /// <summary>Made by `+=`: refers to the earlier value of the field it is assigned to, wherever it is.</summary>
    public bool IsSelfReference { get; } = isSelfReference;

    public override bool IsResolved => false;

    public HoconSubstitution AsEnvironmentOnly() =>
        new(Path, WrittenPath, Optional, Origin, environmentOnly: true, isSelfReference: false);

    public override HoconValue DeepClone() => this;

    public override string ToString() => $"${{{(Optional ? "?" : "")}{WrittenPath}}}";
}
