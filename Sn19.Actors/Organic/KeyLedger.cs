namespace Sn19.Actors.Organic;

/// <summary>
/// One API key's ledger: credit in, charges out, holds in between. The journal records what money did (issue,
/// top-up, revoke, each settled charge); a hold on credit for a request in flight lives in memory only: it ends when
/// the request settles, when it is released, when its gateway node leaves the cluster, past its time limit, or with
/// the process. A settlement carries the hold's terms, so it charges correctly even when the hold was lost with a
/// crashed node. Invariants, whatever order commands and crashes come in:
///   - the available credit (credited − charged − held) never goes below zero: a hold takes at most what is
///     available, a settlement charges at most what its hold took, and at most what is available when the hold is gone;
///   - a request is charged at most once: its id is remembered once it settles.
/// The actor asks it to decide (an event, or a change to the holds), persists events, then applies them.
/// </summary>
internal sealed class KeyLedger
{
    /// <summary>Charges kept for <c>keys show</c> and for answering a repeated settle.</summary>
    public const int RecentChargesKept = 1_000;

    /// <summary>Closed request and top-up ids remembered against repeats (a repeat comes within seconds).</summary>
    public const int ClosedIdsKept = 10_000;

    private readonly Dictionary<string, OpenReservation> _open = new(StringComparer.Ordinal);
    private readonly LinkedList<KeyCharge> _recent = new();
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);
    private readonly Queue<string> _closedOrder = new();

    public KeyLedger(string keyId) => KeyId = keyId;

    public string KeyId { get; }

    public string? Name { get; private set; }

    public string? SecretHash { get; private set; }

    public bool Revoked { get; private set; }

    public DateTimeOffset? Created { get; private set; }

    public decimal Credited { get; private set; }

    public decimal Charged { get; private set; }

    public int RequestsPerMinute { get; private set; }

    public int TokensPerMinute { get; private set; }

    public long Requests { get; private set; }

    public long PromptTokens { get; private set; }

    public long CompletionTokens { get; private set; }

    public bool Exists => SecretHash is not null;

    public IReadOnlyCollection<OpenReservation> Open => _open.Values;

    public decimal Reserved => _open.Values.Sum(r => r.Amount);

    public decimal Available => Credited - Charged - Reserved;

    public static KeyLedger FromSnapshot(KeyLedgerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var ledger = new KeyLedger(snapshot.KeyId)
        {
            Name = snapshot.Name, SecretHash = snapshot.SecretHash, Revoked = snapshot.Revoked, Created = snapshot.Created,
            Credited = snapshot.Credited, Charged = snapshot.Charged, RequestsPerMinute = snapshot.RequestsPerMinute,
            TokensPerMinute = snapshot.TokensPerMinute, Requests = snapshot.Requests, PromptTokens = snapshot.PromptTokens,
            CompletionTokens = snapshot.CompletionTokens,
        };
        foreach (var charge in snapshot.RecentCharges)
        {
            ledger._recent.AddLast(charge);
        }

        foreach (var id in snapshot.ClosedIds)
        {
            ledger.Remember(id);
        }

        return ledger;
    }

    public KeyLedgerSnapshot Snapshot() => new(
        KeyId, Name, SecretHash, Revoked, Created, Credited, Charged, RequestsPerMinute, TokensPerMinute, Requests, PromptTokens, CompletionTokens,
        [.. _recent], [.. _closedOrder]);

    public KeyEvent? DecideIssue(IssueKey issue, DateTimeOffset now) => Exists
        ? null
        : new KeyIssued(issue.Name, issue.SecretHash, issue.Credit, issue.RequestsPerMinute, issue.TokensPerMinute, now);

    public KeyEvent? DecideTopUp(TopUpKey topUp, DateTimeOffset now) =>
        Exists && topUp.Amount > 0 && !_closed.Contains(TopUpId(topUp.OperationId)) ? new CreditAdded(topUp.Amount, topUp.OperationId, now) : null;

    public KeyEvent? DecideRevoke(DateTimeOffset now) => Exists && !Revoked ? new KeyRevoked(now) : null;

    /// <summary>Holds the most <paramref name="reserve"/> can cost, or says why not. In memory: nothing is journaled.</summary>
    public CreditReservation Hold(ReserveCredit reserve, DateTimeOffset now, TimeSpan hold, RateWindow window)
    {
        ArgumentNullException.ThrowIfNull(reserve);
        if (!Exists || !string.Equals(SecretHash, reserve.SecretHash, StringComparison.Ordinal))
        {
            return Refused(ReserveVerdict.UnknownKey, "invalid API key");
        }

        if (Revoked)
        {
            return Refused(ReserveVerdict.Revoked, "this API key was revoked");
        }

        if (_open.TryGetValue(reserve.RequestId, out var held))
        {
            return new CreditReservation(ReserveVerdict.Reserved, held.GrantedCompletionTokens, held.Amount, null, "already reserved");
        }

        if (_closed.Contains(reserve.RequestId))
        {
            return Refused(ReserveVerdict.AlreadyClosed, "this request was already settled");
        }

        var tokens = reserve.PromptTokensBound + reserve.MaxCompletionTokens;
        if (window.WaitFor(now, tokens, RequestsPerMinute, TokensPerMinute) is { } wait)
        {
            return new CreditReservation(ReserveVerdict.RateLimited, 0, 0, wait,
                $"rate limit reached ({RequestsPerMinute} requests, {TokensPerMinute} tokens per minute; 0 is none)");
        }

        var price = reserve.Price;
        var promptCost = price.Cost(reserve.PromptTokensBound, 0);
        var perToken = price.Cost(0, 1);
        var available = Available;
        if (available < promptCost + perToken)
        {
            return Refused(ReserveVerdict.NoCredit, $"insufficient credit: {available} available, this request needs at least {promptCost + perToken}");
        }

        var granted = perToken == 0
            ? reserve.MaxCompletionTokens
            : (int)Math.Min(reserve.MaxCompletionTokens, decimal.Floor((available - promptCost) / perToken));
        var amount = price.Cost(reserve.PromptTokensBound, granted);
        _open[reserve.RequestId] = new OpenReservation(reserve.RequestId, reserve.TaskId, price, granted, amount, reserve.Owner, now, now + hold);
        window.Add(now, reserve.PromptTokensBound + granted);
        return new CreditReservation(ReserveVerdict.Reserved, granted, amount, null, "reserved");
    }

    /// <summary>The charge for <paramref name="settle"/> as an event to journal, or null with the reply when there is
    /// nothing to journal: a repeat (answered with the earlier charge), or a release (no tokens), which only ends the hold.</summary>
    public (KeyEvent? Event, CreditSettlement Reply) DecideSettle(SettleCredit settle, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settle);
        if (_closed.Contains(settle.RequestId))
        {
            var earlier = _recent.FirstOrDefault(c => c.RequestId == settle.RequestId);
            return (null, new CreditSettlement(earlier is not null, earlier?.Charged ?? 0, Credited - Charged, "already settled"));
        }

        var held = _open.GetValueOrDefault(settle.RequestId);
        var prompt = Math.Max(0, settle.PromptTokens);
        var completion = Math.Clamp(settle.CompletionTokens, 0, held?.GrantedCompletionTokens ?? settle.GrantedCompletionTokens);
        if (prompt == 0 && completion == 0)
        {
            _open.Remove(settle.RequestId);
            return (null, new CreditSettlement(false, 0, Credited - Charged, "released: nothing charged"));
        }

        var charged = Math.Min((held?.Price ?? settle.Price).Cost(prompt, completion), held?.Amount ?? settle.Amount);
        if (held is null)
        {
            // The hold was lost with the node that kept it: charge what is still available, never more.
            charged = Math.Min(charged, Math.Max(0, Available));
        }

        var settled = new ReservationSettled(settle.RequestId, held?.TaskId ?? settle.TaskId, prompt, completion, charged, now);
        return (settled, new CreditSettlement(true, charged, Credited - Charged - charged, held is null ? "settled (its hold was lost in a restart)" : "settled"));
    }

    /// <summary>Ends the holds nobody will settle: past their time limit, or made by a gateway node that is no longer a
    /// member (it died mid-request). A hold younger than <paramref name="grace"/> is left to its owner whatever the
    /// membership says, as a node that just joined may not be in this node's view yet. Returns how many ended.</summary>
    public int ExpireHolds(DateTimeOffset now, Func<string, bool> ownerIsMember, TimeSpan grace)
    {
        var expired = _open.Values
            .Where(open => now >= open.ExpiresAt || (now - open.At >= grace && !ownerIsMember(open.Owner)))
            .Select(open => open.RequestId)
            .ToList();
        foreach (var id in expired)
        {
            _open.Remove(id);
        }

        return expired.Count;
    }

    public void Apply(KeyEvent e)
    {
        switch (e)
        {
            case KeyIssued issued:
                (Name, SecretHash, Credited, RequestsPerMinute, TokensPerMinute, Created) =
                    (issued.Name, issued.SecretHash, issued.Credit, issued.RequestsPerMinute, issued.TokensPerMinute, issued.At);
                break;
            case CreditAdded added:
                Credited += added.Amount;
                Remember(TopUpId(added.OperationId));
                break;
            case KeyRevoked:
                Revoked = true;
                break;
            case ReservationSettled settled when !_closed.Contains(settled.RequestId):
                _open.Remove(settled.RequestId);
                Charged += settled.Charged;
                Requests++;
                PromptTokens += settled.PromptTokens;
                CompletionTokens += settled.CompletionTokens;
                _recent.AddFirst(new KeyCharge(settled.RequestId, settled.TaskId, settled.PromptTokens, settled.CompletionTokens, settled.Charged, settled.At));
                if (_recent.Count > RecentChargesKept)
                {
                    _recent.RemoveLast();
                }

                Remember(settled.RequestId);
                break;
        }
    }

    public KeyStatus Status(int charges) => new(
        KeyId, Exists, Name ?? "", Revoked, Created, Credited, Charged, Reserved, _open.Count, RequestsPerMinute, TokensPerMinute, Requests,
        PromptTokens, CompletionTokens, _recent.Take(Math.Max(0, charges)).ToArray());

    private static CreditReservation Refused(ReserveVerdict verdict, string message) => new(verdict, 0, 0, null, message);

    private static string TopUpId(string operationId) => "top-up:" + operationId;

    private void Remember(string id)
    {
        if (!_closed.Add(id))
        {
            return;
        }

        _closedOrder.Enqueue(id);
        if (_closedOrder.Count > ClosedIdsKept)
        {
            _closed.Remove(_closedOrder.Dequeue());
        }
    }
}
