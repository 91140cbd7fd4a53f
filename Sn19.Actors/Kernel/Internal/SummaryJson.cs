namespace Sn19.Actors.Kernel.Internal;

using System.Text.Json;

internal static class SummaryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
