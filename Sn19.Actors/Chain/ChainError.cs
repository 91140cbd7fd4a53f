namespace Sn19.Actors.Chain;

/// <summary>An expected refusal: a code to branch on and a message for people.</summary>
public sealed record ChainError(ChainErrorCode Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
