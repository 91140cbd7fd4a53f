namespace Sn19.Actors.Kernel;

/// <summary>
/// Where an actor lives in the hierarchy, e.g. <c>/user/subnet/contenders/5F3s.../text</c>.
/// Names are non-empty and contain no '/'; the string form is computed once.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly string _value;

    private ActorPath(ActorPath? parent, string name, string value)
    {
        Parent = parent;
        Name = name;
        _value = value;
    }

    /// <summary>The guardian of every user actor: <c>/user</c>.</summary>
    public static ActorPath User { get; } = new(null, "user", "/user");

    public ActorPath? Parent { get; }

    public string Name { get; }

    public ActorPath Child(string name)
    {
        ValidateName(name);
        return new ActorPath(this, name, _value + "/" + name);
    }

    /// <summary>True when this path equals <paramref name="prefix"/> or lies below it.</summary>
    public bool IsUnder(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var trimmed = prefix.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return true;
        }

        return _value.Equals(trimmed, StringComparison.Ordinal)
            || (_value.StartsWith(trimmed, StringComparison.Ordinal) && _value[trimmed.Length] == '/');
    }

    public static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"Actor name '{name}' must not contain '/' or white space.", nameof(name));
        }
    }

    public bool Equals(ActorPath? other) => other is not null && _value.Equals(other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);

    public override string ToString() => _value;
}
