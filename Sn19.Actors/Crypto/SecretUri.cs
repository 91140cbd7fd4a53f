namespace Sn19.Actors.Crypto;

using System.Text.RegularExpressions;

/// <summary>
/// A Substrate secret URI, <c>PHRASE_OR_0xSEED//hard/soft///password</c>, parsed as sp-core parses it.
/// A missing phrase means the development phrase (<see cref="DevPhrase"/>), so <c>//Alice</c> works.
/// </summary>
public sealed partial record SecretUri(string Phrase, IReadOnlyList<DeriveJunction> Junctions, string? Password)
{
    /// <summary>Substrate's <c>DEV_PHRASE</c>.</summary>
    public const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    /// <summary>Never prints the phrase or password (a record's generated ToString would).</summary>
    public override string ToString() => $"SecretUri {{ Junctions = {Junctions.Count}, HasPassword = {Password is not null} }}";

    public static bool TryParse(string uri, out SecretUri? result)
    {
        result = null;
        var match = UriPattern().Match(uri);
        if (!match.Success)
        {
            return false;
        }

        var phrase = match.Groups["phrase"].Success ? match.Groups["phrase"].Value.Trim() : string.Empty;
        var junctions = new List<DeriveJunction>();
        foreach (Match step in JunctionPattern().Matches(match.Groups["path"].Value))
        {
            var code = step.Groups[1].Value;
            var hard = code.StartsWith('/');
            junctions.Add(DeriveJunction.Parse(hard ? code[1..] : code, hard));
        }

        var password = match.Groups["password"].Success ? match.Groups["password"].Value : null;
        result = new SecretUri(phrase.Length == 0 ? DevPhrase : phrase, junctions, password);
        return true;
    }

    [GeneratedRegex(@"^(?<phrase>[\w ]+)?(?<path>(//?[^/]+)*)(///(?<password>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex UriPattern();

    [GeneratedRegex(@"/(/?[^/]+)", RegexOptions.CultureInvariant)]
    private static partial Regex JunctionPattern();
}
