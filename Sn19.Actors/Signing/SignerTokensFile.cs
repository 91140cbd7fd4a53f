namespace Sn19.Actors.Signing;

using System.Text.Json;

/// <summary>
/// The signer's tokens file (JSON): <c>{"clients":[{"name":"validator","tokenSha256":"…","hotkeys":["v/default"],
/// "kinds":["request-envelope","weights"]}]}</c>. <c>sn19 signer new-token</c> prints a token and its entry.
/// </summary>
public sealed record SignerTokensFile
{
    public IReadOnlyList<SignerGrant> Clients { get; init; } = [];

    /// <summary>Parses the file's text; throws <see cref="JsonException"/> with the position of a syntax error.</summary>
    public static SignerTokensFile Parse(string json) =>
        JsonSerializer.Deserialize(json, SignerJsonContext.Default.SignerTokensFile)
        ?? throw new JsonException("the tokens file is empty (expected an object with \"clients\")");

    public string ToJson() => JsonSerializer.Serialize(this, SignerJsonContext.Default.SignerTokensFile);
}
