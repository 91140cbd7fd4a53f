namespace Sn19.Actors.Signing;

using System.Text.Json.Serialization;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SignerRequest))]
[JsonSerializable(typeof(SignerResponse))]
[JsonSerializable(typeof(SignerTokensFile))]
internal sealed partial class SignerJsonContext : JsonSerializerContext;
