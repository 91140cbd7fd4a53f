namespace Sn19.Host.Configuration.Hocon;

using System.Text;

/// <summary>
/// Replaces every substitution in a parsed document by its value, in place.
/// Steps, for each field in document order:
///  1. a field already resolved is left alone;
///  2. a field being resolved when it is reached again is a cycle (error naming the key);
///  3. `${p}` is looked up from the root; objects on the way are stepped into without resolving them whole
///     (so `a { x = 1, y = ${a.x} }` works), anything else on the way is resolved first;
///  4. a path the document lacks falls back to the environment variable named by the path as written;
///  5. still missing: an optional substitution is undefined (its field is removed, its array element and
///     concatenation part dropped), a required one is an error naming file, line and key.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);

    private HoconResolver(HoconObject root, IReadOnlyDictionary<string, string> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static void Resolve(HoconObject root, IReadOnlyDictionary<string, string> environment) =>
        new HoconResolver(root, environment).ResolveObject(root, HoconPath.Root);

    private void ResolveObject(HoconObject obj, HoconPath path)
    {
        foreach (var key in obj.Keys.ToList())
        {
            ResolveField(obj, key, path.Append(key));
        }
    }

    private HoconValue? ResolveField(HoconObject obj, string key, HoconPath path)
    {
        if (!obj.TryGet(key, out var value))
        {
            return null;
        }

        if (value is HoconObject nested)
        {
            ResolveObject(nested, path);
            return nested;
        }

        if (value.IsResolved)
        {
            return value;
        }

        var resolved = ResolveTracked(value, path);
        if (resolved is null)
        {
            obj.Remove(key);
        }
        else
        {
            obj.Set(key, resolved);
        }

        return resolved;
    }

    private HoconValue? ResolveTracked(HoconValue value, HoconPath path)
    {
        if (!_inProgress.Add(value))
        {
            throw new HoconException("substitution cycle: the value depends on itself", value.Origin, path.ToString());
        }

        try
        {
            return ResolveValue(value, path);
        }
        finally
        {
            _inProgress.Remove(value);
        }
    }

    private HoconValue? ResolveValue(HoconValue value, HoconPath path)
    {
        switch (value)
        {
            case HoconObject obj:
                ResolveObject(obj, path);
                return obj;
            case HoconArray array:
                var items = new List<HoconValue>(array.Items.Count);
                for (var i = 0; i < array.Items.Count; i++)
                {
                    var item = array.Items[i].IsResolved && array.Items[i] is not HoconObject
                        ? array.Items[i]
                        : ResolveTracked(array.Items[i], path.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    if (item is not null)
                    {
                        items.Add(item);
                    }
                }

                return new HoconArray(array.Origin, items);
            case HoconSubstitution substitution:
                return Lookup(substitution, path);
            case HoconOptionalOverride over:
                return Lookup(over.Substitution, path) ?? ResolveTracked(over.Previous, path);
            case HoconConcatenation concatenation:
                return Concatenate(concatenation, path);
            default:
                return value;
        }
    }

    private HoconValue? Lookup(HoconSubstitution substitution, HoconPath at)
    {
        if (!substitution.EnvironmentOnly)
        {
            var found = Find(substitution.Path);
            if (found is null && !substitution.Path.Equals(substitution.WrittenPath))
            {
                // A file included inside an object may also refer to paths from the document root.
                found = Find(substitution.WrittenPath);
            }

            if (found is not null)
            {
                return found.DeepClone();
            }
        }

        var name = string.Join('.', substitution.WrittenPath.Segments);
        // HOCON: an environment variable set to the empty string counts as not present.
        if (_environment.TryGetValue(name, out var fromEnvironment) && fromEnvironment.Length > 0)
        {
            return new HoconScalar(HoconScalarKind.String, fromEnvironment, new HoconOrigin($"env {name} via {substitution.Origin}", 0));
        }

        if (substitution.Optional)
        {
            return null;
        }

        throw new HoconException(
            $"unresolved substitution {substitution}: no such key, and no environment variable '{name}'", substitution.Origin, at.ToString());
    }

    private HoconValue? Find(HoconPath path)
    {
        HoconValue current = _root;
        var walked = HoconPath.Root;
        for (var i = 0; i < path.Length; i++)
        {
            var segment = path.Segments[i];
            walked = walked.Append(segment);
            if (current is not HoconObject obj || !obj.TryGet(segment, out var next))
            {
                return null;
            }

            var last = i == path.Length - 1;
            current = !last && next is HoconObject ? next : ResolveField(obj, segment, walked)!;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private HoconValue? Concatenate(HoconConcatenation concatenation, HoconPath path)
    {
        var parts = new List<HoconValue>();
        foreach (var part in concatenation.Parts)
        {
            var resolved = part.IsResolved && part is not HoconObject ? part : ResolveTracked(part, path);
            if (resolved is not null)
            {
                parts.Add(resolved);
            }
        }

        var solid = parts.Where(p => p is not HoconScalar { Kind: HoconScalarKind.Whitespace }).ToList();
        if (solid.Count == 0)
        {
            return null;
        }

        if (solid.TrueForAll(p => p is HoconArray))
        {
            return new HoconArray(concatenation.Origin, solid.SelectMany(p => ((HoconArray)p).Items));
        }

        if (solid.TrueForAll(p => p is HoconObject))
        {
            var merged = (HoconObject)solid[0].DeepClone();
            foreach (var next in solid.Skip(1))
            {
                merged.MergeFrom((HoconObject)next.DeepClone());
            }

            return merged;
        }

        if (solid.Exists(p => p is HoconArray or HoconObject))
        {
            var kinds = string.Join(", ", solid.Select(p => p switch { HoconArray => "array", HoconObject => "object", _ => "string" }));
            throw new HoconException($"cannot concatenate values of different kinds ({kinds})", concatenation.Origin, path.ToString());
        }

        if (solid.Count == 1 && parts.Count == 1)
        {
            return solid[0];
        }

        // Whitespace next to an undefined optional part at either end is not part of the value.
        var first = parts.FindIndex(p => p is not HoconScalar { Kind: HoconScalarKind.Whitespace });
        var last = parts.FindLastIndex(p => p is not HoconScalar { Kind: HoconScalarKind.Whitespace });
        var text = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            text.Append(((HoconScalar)parts[i]).Text);
        }

        return new HoconScalar(HoconScalarKind.String, text.ToString(), concatenation.Origin);
    }
}
