namespace Sn19.Actors.Kernel;

/// <summary>The outcome of an ask: the reply, or why there is none.</summary>
public readonly record struct AskResult<TReply>(AskStatus Status, TReply? Value)
{
    public bool IsReplied => Status == AskStatus.Replied;

    /// <summary>The reply; throws when there is none (for callers where no reply is a bug).</summary>
    public TReply GetValueOrThrow() =>
        Status == AskStatus.Replied
            ? Value!
            : throw new InvalidOperationException($"The ask ended without a reply: {Status}.");
}
