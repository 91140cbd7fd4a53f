namespace Sn19.Actors.Signing;

/// <summary>A signature, or the reason there is none.</summary>
public sealed record SignOutcome(ReadOnlyMemory<byte> Signature, string SignerAddress, SignRefusal Refusal, string Message)
{
    public bool IsSigned => Refusal == SignRefusal.None;

    public static SignOutcome Signed(ReadOnlyMemory<byte> signature, string signerAddress) =>
        new(signature, signerAddress, SignRefusal.None, string.Empty);

    public static SignOutcome Refused(SignRefusal refusal, string message) =>
        new(ReadOnlyMemory<byte>.Empty, string.Empty, refusal, message);
}
