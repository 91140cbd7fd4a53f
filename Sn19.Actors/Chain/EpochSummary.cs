namespace Sn19.Actors.Chain;

/// <summary>One epoch the chain ran: when, how much it paid, and who earned most.</summary>
public sealed record EpochSummary(
    ulong Index,
    ulong Block,
    int Neurons,
    int Validators,
    ulong EmissionRao,
    int TopIncentiveUid,
    ushort TopIncentive,
    int TopDividendsUid,
    ushort TopDividends);
