namespace Sn19.Actors.Signing;

/// <summary>Wire names of <see cref="SignRefusal"/> values in signer responses.</summary>
internal static class RefusalCodes
{
    public static string ToCode(SignRefusal refusal) => refusal switch
    {
        SignRefusal.Unauthenticated => "unauthenticated",
        SignRefusal.NotPermitted => "not-permitted",
        SignRefusal.UnknownKind => "unknown-kind",
        SignRefusal.Malformed => "malformed",
        SignRefusal.UnknownHotkey => "unknown-hotkey",
        SignRefusal.TooLarge => "too-large",
        SignRefusal.Unavailable => "unavailable",
        _ => "none",
    };

    public static SignRefusal FromCode(string? code) => code switch
    {
        "unauthenticated" => SignRefusal.Unauthenticated,
        "not-permitted" => SignRefusal.NotPermitted,
        "unknown-kind" => SignRefusal.UnknownKind,
        "malformed" => SignRefusal.Malformed,
        "unknown-hotkey" => SignRefusal.UnknownHotkey,
        "too-large" => SignRefusal.TooLarge,
        _ => SignRefusal.Unavailable,
    };
}
