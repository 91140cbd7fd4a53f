namespace Sn19.Host.Cli.Config;

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sn19.Host.Configuration;

/// <summary>
/// `config show --json`:
/// <code>
/// { "role": "validator", "files": ["hocon/sn19.conf", "hocon/validator.conf"],
///   "values": { "logging.level": { "value": "information", "source": "hocon/defaults/logging.conf:4" } } }
/// </code>
/// Keys are HOCON paths (array elements numbered: `a.b.0`); values are strings (or null) as
/// IConfiguration holds them; sources are `file:line`, `env NAME` or `command line`.
/// </summary>
internal static class ConfigShowJson
{
    public static void Write(Sn19Configuration configuration, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("role", configuration.Role);
            json.WriteStartArray("files");
            foreach (var file in configuration.Files)
            {
                json.WriteStringValue(file);
            }

            json.WriteEndArray();
            json.WriteStartObject("values");
            foreach (var entry in configuration.Entries())
            {
                json.WriteStartObject(entry.Key);
                json.WriteString("value", entry.Value);
                json.WriteString("source", entry.Source);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
