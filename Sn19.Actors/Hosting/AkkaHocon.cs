namespace Sn19.Actors.Hosting;

using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

/// <summary>
/// Writes a configuration section back as HOCON text for Akka. Sn19's own parser reads and merges the
/// project's files (with provenance, <c>+=</c> and environment overrides); Akka gets the resolved <c>akka</c>
/// subtree, every value a quoted string (HOCON converts on read: "5s", "on", "16"). A section whose keys
/// are 0, 1, 2… is written as a list.
/// </summary>
public static class AkkaHocon
{
    /// <summary>The section as a HOCON object named by its key, e.g. <c>akka { … }</c>; empty when it has nothing.</summary>
    public static string Render(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!section.GetChildren().Any())
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append(Key(section.Key)).Append(" = ");
        Write(section, text, 0);
        return text.AppendLine().ToString();
    }

    private static void Write(IConfigurationSection section, StringBuilder text, int depth)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            text.Append(Quote(section.Value ?? string.Empty));
            return;
        }

        var isList = children.Select(c => c.Key).OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
            .SequenceEqual(Enumerable.Range(0, children.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        if (isList)
        {
            text.Append('[');
            var items = children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ");
                Write(items[i], text, depth + 1);
            }

            text.Append(']');
            return;
        }

        text.AppendLine("{");
        foreach (var child in children)
        {
            text.Append(' ', (depth + 1) * 2).Append(Key(child.Key)).Append(" = ");
            Write(child, text, depth + 1);
            text.AppendLine();
        }

        text.Append(' ', depth * 2).Append('}');
    }

    /// <summary>Keys are quoted so that one holding a dot or a comma (a type name) stays one key.</summary>
    private static string Key(string key) => Quote(key);

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
