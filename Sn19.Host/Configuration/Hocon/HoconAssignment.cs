namespace Sn19.Host.Configuration.Hocon;

/// <summary>How a parsed field lands in its object: path keys create (or replace non-objects with) objects
/// along the way; an object value merges into an existing object; anything else replaces the old value
/// once its self-references are bound to it; `key = ${?X}` over an earlier value keeps that value as the
/// fallback for when X is undefined.</summary>
internal static class HoconAssignment
{
    /// <summary>Sets <paramref name="key"/> under <paramref name="target"/>, creating (or replacing
    /// non-objects with) objects along the path.</summary>
    public static void Assign(HoconObject target, HoconPath key, HoconValue value, HoconPath? fieldPath)
    {
        var parent = target;
        for (var i = 0; i < key.Length - 1; i++)
        {
            parent = ChildObject(parent, key.Segments[i], value.Origin);
        }

        var last = key.Segments[^1];
        var existing = parent.TryGet(last, out var found) ? found : null;
        var bound = HoconSelfReference.Bind(value, fieldPath, existing, out var wasSelfReferential);
        if (bound is HoconObject incoming && existing is HoconObject current)
        {
            current.MergeFrom(incoming);
        }
        else if (!wasSelfReferential && bound is HoconSubstitution { Optional: true } optional && existing is not null)
        {
            parent.Set(last, new HoconOptionalOverride(optional, existing));
        }
        else
        {
            parent.Set(last, bound);
        }
    }

    public static HoconObject ObjectAt(HoconObject target, HoconPath key, HoconOrigin origin)
    {
        var current = target;
        foreach (var segment in key.Segments)
        {
            current = ChildObject(current, segment, origin);
        }

        return current;
    }

    private static HoconObject ChildObject(HoconObject parent, string segment, HoconOrigin origin)
    {
        if (parent.TryGet(segment, out var existing) && existing is HoconObject obj)
        {
            return obj;
        }

        var created = new HoconObject(origin);
        parent.Set(segment, created);
        return created;
    }
}
