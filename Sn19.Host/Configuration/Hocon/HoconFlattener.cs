namespace Sn19.Host.Configuration.Hocon;

using System.Globalization;

/// <summary>Turns a resolved tree into configuration entries: objects nest with ':', array elements are
/// numbered from 0, null stays null. Empty objects and arrays have no leaves and produce no entry.</summary>
internal static class HoconFlattener
{
    public static List<HoconEntry> Flatten(HoconObject root)
    {
        var entries = new List<HoconEntry>();
        Walk(root, prefix: null, entries);
        return entries;
    }

    private static void Walk(HoconValue value, string? prefix, List<HoconEntry> entries)
    {
        switch (value)
        {
            case HoconObject obj:
                foreach (var (key, child) in obj.Fields)
                {
                    Walk(child, prefix is null ? key : prefix + ":" + key, entries);
                }

                break;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Walk(array.Items[i], prefix + ":" + i.ToString(CultureInfo.InvariantCulture), entries);
                }

                break;
            case HoconScalar scalar:
                entries.Add(new HoconEntry(prefix ?? "", scalar.Kind == HoconScalarKind.Null ? null : scalar.Text, scalar.Origin));
                break;
            default:
                throw new InvalidOperationException($"unresolved {value.GetType().Name} at {prefix}: resolve the document first");
        }
    }
}
