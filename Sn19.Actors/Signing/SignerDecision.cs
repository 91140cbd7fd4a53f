namespace Sn19.Actors.Signing;

/// <summary>The policy's answer for one request; <see cref="SignRefusal.None"/> means allowed.</summary>
internal readonly record struct SignerDecision(SignRefusal Refusal, string Reason)
{
    public bool Allowed => Refusal == SignRefusal.None;

    public static SignerDecision Allow { get; } = new(SignRefusal.None, "allowed");
}
