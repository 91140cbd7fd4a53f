namespace Sn19.Actors.Organic;

/// <summary>
/// One API key's ledger: credit in, charges out, reservations in between. Pure: the actor asks it to decide
/// an event for a command, persists the event, and applies it. Invariants, whatever order commands and
/// crashes come in:
///   - the available credit (credited − charged − reserved) never goes below zero: a reservation holds at
///     most what is available, and a settlement charges at most what its reservation held;
///   - a reservation closes once, by settlement or by expiry, never both; its request id is remembered, so
///     neither a repeated settle nor a repeated reserve charges again.
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
        foreach (var open in snapshot.Open)
        {
            ledger._open[open.RequestId] = open;
        }

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
        [.. _open.Values], [.. _recent], [.. _closedOrder]);

    public KeyEvent? DecideIssue(IssueKey issue, DateTimeOffset now) => Exists
        ? null
        : new KeyIssued(issue.Name, issue.SecretHash, issue.Credit, issue.RequestsPerMinute, issue.TokensPerMinute, now);

    public KeyEvent? DecideTopUp(TopUpKey topUp, DateTimeOffset now) =>
        Exists && topUp.Amount > 0 && !_closed.Contains(TopUpId(topUp.OperationId)) ? new CreditAdded(topUp.Amount, topUp.OperationId, now) : null;

    public KeyEvent? DecideRevoke(DateTimeOffset now) => Exists && !Revoked ? new KeyRevoked(now) : null;

    public (KeyEvent? Event, CreditReservation Reply) DecideReserve(ReserveCredit reserve, DateTimeOffset now, TimeSpan hold, RateWindow window)
    {
        ArgumentNullException.ThrowIfNull(reserve);
        if (!Exists || !string.Equals(SecretHash, reserve.SecretHash, StringComparison.Ordinal))
        {
            return (null, Refused(ReserveVerdict.UnknownKey, "invalid API key"));
        }

        if (Revoked)
        {
            return (null, Refused(ReserveVerdict.Revoked, "this API key was revoked"));
        }

        if (_open.TryGetValue(reserve.RequestId, out var held))
        {
            return (null, new CreditReservation(ReserveVerdict.Reserved, held.GrantedCompletionTokens, held.Amount, null, "already reserved"));
        }

        if (_closed.Contains(reserve.RequestId))
        {
            return (null, Refused(ReserveVerdict.AlreadyClosed, "this request was already settled"));
        }

        var tokens = reserve.PromptTokensBound + reserve.MaxCompletionTokens;
        if (window.WaitFor(now, tokens, RequestsPerMinute, TokensPerMinute) is { } wait)
        {
            return (null, new CreditReservation(ReserveVerdict.RateLimited, 0, 0, wait,
                $"rate limit reached ({RequestsPerMinute} requests, {TokensPerMinute} tokens per minute; 0 is none)"));
        }

        var price = reserve.Price;
        var promptCost = price.Cost(reserve.PromptTokensBound, 0);
        var perToken = price.Cost(0, 1);
        var available = Available;
        if (available < promptCost + perToken)
        {
            return (null, Refused(ReserveVerdict.NoCredit, $"insufficient credit: {available} available, this request needs at least {promptCost + perToken}"));
        }

        var granted = perToken == 0
            ? reserve.MaxCompletionTokens
            : (int)Math.Min(reserve.MaxCompletionTokens, decimal.Floor((available - promptCost) / perToken));
        var amount = price.Cost(reserve.PromptTokensBound, granted);
        var reserved = new CreditReserved(reserve.RequestId, reserve.TaskId, price, granted, amount, reserve.Owner, now, now + hold);
        return (reserved, new CreditReservation(ReserveVerdict.Reserved, granted, amount, null, "reserved"));
    }

    public (KeyEvent? Event, CreditSettlement Reply) DecideSettle(SettleCredit settle, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settle);
        if (!_open.TryGetValue(settle.RequestId, out var held))
        {
            var earlier = _recent.FirstOrDefault(c => c.RequestId == settle.RequestId);
            return (null, earlier is not null
                ? new CreditSettlement(true, earlier.Charged, Credited - Charged, "already settled")
                : new CreditSettlement(false, 0, Credited - Charged, "no open reservation (expired or unknown): nothing charged"));
        }

        var prompt = Math.Max(0, settle.PromptTokens);
        var completion = Math.Clamp(settle.CompletionTokens, 0, held.GrantedCompletionTokens);
        var charged = Math.Min(held.Price.Cost(prompt, completion), held.Amount);
        var settled = new ReservationSettled(settle.RequestId, prompt, completion, charged, now);
        return (settled, new CreditSettlement(true, charged, Credited - Charged - charged, "settled"));
    }

    /// <summary>The reservations to release now: past their hold, or made by a gateway node that is no longer a member
    /// (it died before settling, so nobody ever will). A reservation younger than <paramref name="grace"/> is left to
    /// its owner whatever the membership says, as a node that just joined may not be in this node's view yet.</summary>
    public IReadOnlyList<KeyEvent> DecideExpiries(DateTimeOffset now, Func<string, bool> ownerIsMember, TimeSpan grace)
    {
        var expired = new List<KeyEvent>();
        foreach (var open in _open.Values.OrderBy(o => o.At))
        {
            if (now >= open.ExpiresAt)
            {
                expired.Add(new ReservationExpired(open.RequestId, "held past its time limit", now));
            }
            else if (now - open.At >= grace && !ownerIsMember(open.Owner))
            {
                expired.Add(new ReservationExpired(open.RequestId, $"its gateway node {open.Owner} left the cluster", now));
            }
        }

        return expired;
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
            case CreditReserved reserved:
                _open[reserved.RequestId] = new OpenReservation(
                    reserved.RequestId, reserved.TaskId, reserved.Price, reserved.GrantedCompletionTokens, reserved.Amount, reserved.Owner,
                    reserved.At, reserved.ExpiresAt);
                break;
            case ReservationSettled settled when _open.Remove(settled.RequestId, out var held):
                Charged += settled.Charged;
                Requests++;
                PromptTokens += settled.PromptTokens;
                CompletionTokens += settled.CompletionTokens;
                _recent.AddFirst(new KeyCharge(settled.RequestId, held.TaskId, settled.PromptTokens, settled.CompletionTokens, settled.Charged, settled.At));
                if (_recent.Count > RecentChargesKept)
                {
                    _recent.RemoveLast();
                }

                Remember(settled.RequestId);
                break;
            case ReservationExpired expired when _open.Remove(expired.RequestId):
                Remember(expired.RequestId);
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
