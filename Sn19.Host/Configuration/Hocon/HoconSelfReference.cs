namespace Sn19.Host.Configuration.Hocon;

/// <summary>
/// Binds self-references when a field is assigned. In `path = ${path} [x]` the substitution means the value
/// `path` had before this line, not the value being set (which would be a cycle). So at assignment time each
/// substitution that points at the field (or inside it) is replaced by a copy of the earlier value; when there
/// is none, only the environment can supply it (and an optional one simply vanishes, so `a += x` on a
/// missing `a` gives `[x]`). Substitutions inside nested objects are not self-references.
/// </summary>
internal static class HoconSelfReference
{
    public static HoconValue Bind(HoconValue value, HoconPath? fieldPath, HoconValue? existing, out bool found)
    {
        var any = false;
        var bound = Replace(value, fieldPath, existing, ref any);
        found = any;
        return bound;
    }

    private static HoconValue Replace(HoconValue value, HoconPath? fieldPath, HoconValue? existing, ref bool found)
    {
        switch (value)
        {
            case HoconSubstitution s:
                HoconPath suffix;
                if (s.IsSelfReference)
                {
                    suffix = HoconPath.Root;
                }
                else if (fieldPath is not null && !s.EnvironmentOnly && s.Path.StartsWith(fieldPath))
                {
                    suffix = s.Path.Skip(fieldPath.Length);
                }
                else
                {
                    return s;
                }

                found = true;
                var earlier = Navigate(existing, suffix);
                return earlier is null ? s.AsEnvironmentOnly() : earlier.DeepClone();
            case HoconConcatenation c:
                var parts = new List<HoconValue>(c.Parts.Count);
                foreach (var p in c.Parts)
                {
                    parts.Add(Replace(p, fieldPath, existing, ref found));
                }

                return new HoconConcatenation(c.Origin, parts);
            case HoconArray a:
                var items = new List<HoconValue>(a.Items.Count);
                foreach (var i in a.Items)
                {
                    items.Add(Replace(i, fieldPath, existing, ref found));
                }

                return new HoconArray(a.Origin, items);
            default:
                return value;
        }
    }

    private static HoconValue? Navigate(HoconValue? from, HoconPath suffix)
    {
        var current = from;
        foreach (var segment in suffix.Segments)
        {
            if (current is not HoconObject obj || !obj.TryGet(segment, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }
}
