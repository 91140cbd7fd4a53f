namespace Sn19.Actors.Wire;

using System.Text.Json.Serialization;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EnvelopeError))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
