namespace Sn19.Tests.Actors.Organic;

using Sn19.Actors.Organic;

/// <summary>The API key ledger's rules, on the pure state: what a hold takes, what a settlement charges, and that
/// no order of commands (holds lost with a crash included) makes the balance negative or charges a request twice.</summary>
public sealed class KeyLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TaskPrice Price = new(PromptPer1K: 1m, CompletionPer1K: 2m);
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    [Fact]
    public void Reserve_HoldsTheMostItCanCost_SettleChargesTheExactUsage_AndReleasesTheRest()
    {
        var ledger = Issued(credit: 10m);

        var reply = Reserve(ledger, "r1", prompt: 100, completion: 500);

        Assert.Equal(ReserveVerdict.Reserved, reply.Verdict);
        Assert.Equal(500, reply.GrantedCompletionTokens);
        Assert.Equal(0.1m + 1.0m, reply.Amount);
        Assert.Equal(10m - 1.1m, ledger.Available);

        var settled = Settle(ledger, "r1", prompt: 40, completion: 120);

        Assert.Equal(0.04m + 0.24m, settled.Charged);
        Assert.Equal(10m - 0.28m, ledger.Available);
        Assert.Equal(10m - 0.28m, ledger.Status(5).Balance);
        Assert.Empty(ledger.Open);
    }

    [Fact]
    public void Reserve_WithLittleCredit_GrantsOnlyTheTokensItCovers()
    {
        var ledger = Issued(credit: 0.2m);

        var reply = Reserve(ledger, "r1", prompt: 100, completion: 500);

        // 0.1 for the prompt leaves 0.1: 50 completion tokens at 0.002 each.
        Assert.Equal(ReserveVerdict.Reserved, reply.Verdict);
        Assert.Equal(50, reply.GrantedCompletionTokens);
        Assert.Equal(0m, ledger.Available);

        // A miner that sends more than granted is charged only for what was granted.
        var settled = Settle(ledger, "r1", prompt: 100, completion: 80);
        Assert.Equal(0.2m, settled.Charged);
        Assert.Equal(0m, ledger.Status(1).Balance);
    }

    [Fact]
    public void Reserve_WithoutCreditForThePromptAndOneToken_Is402()
    {
        var ledger = Issued(credit: 0.1m);

        var reply = Reserve(ledger, "r1", prompt: 100, completion: 500);

        Assert.Equal(ReserveVerdict.NoCredit, reply.Verdict);
        Assert.Empty(ledger.Open);
    }

    [Fact]
    public void Settle_Twice_ChargesOnce_AndAClosedRequestIsNotReservedAgain()
    {
        var ledger = Issued(credit: 10m);
        Reserve(ledger, "r1", 10, 10);
        var first = Settle(ledger, "r1", 10, 10);

        var again = Settle(ledger, "r1", 10, 10);
        var reopened = Reserve(ledger, "r1", 10, 10);

        Assert.True(again.Settled);
        Assert.Equal(first.Charged, again.Charged);
        Assert.Equal(first.Charged, ledger.Charged);
        Assert.Equal(ReserveVerdict.AlreadyClosed, reopened.Verdict);
    }

    [Fact]
    public void AHoldPastItsLimit_Ends_AndALostHoldsSettlementChargesAtMostWhatIsAvailable()
    {
        var ledger = Issued(credit: 0.05m);
        var held = Reserve(ledger, "r1", 10, 20);

        Assert.Equal(1, ledger.ExpireHolds(Now + Hold, _ => true, TimeSpan.FromSeconds(5)));
        Assert.Equal(0.05m, ledger.Available);

        // Meanwhile another request holds most of the credit; the late settlement still cannot take the balance below zero.
        Reserve(ledger, "r2", 10, 15);
        var late = Settle(ledger, "r1", 10, 20, held);
        Assert.True(late.Settled);
        Assert.Equal(0.05m - 0.04m, late.Charged);
        Assert.Equal(0m, ledger.Available);
    }

    [Fact]
    public void AReservationWhoseGatewayLeftTheCluster_IsReleasedAfterTheGrace()
    {
        var ledger = Issued(credit: 10m);
        Reserve(ledger, "r1", 10, 10, owner: "node-a");
        Reserve(ledger, "r2", 10, 10, owner: "node-b");
        var grace = TimeSpan.FromSeconds(5);

        Assert.Equal(0, ledger.ExpireHolds(Now + TimeSpan.FromSeconds(1), owner => owner == "node-a", grace));
        Assert.Equal(1, ledger.ExpireHolds(Now + TimeSpan.FromSeconds(6), owner => owner == "node-a", grace));

        Assert.Equal("r1", Assert.Single(ledger.Open).RequestId);
    }

    [Fact]
    public void WrongSecret_And_RevokedKey_AreRefused()
    {
        var ledger = Issued(credit: 10m);
        var wrong = ledger.Hold(Request("r1", 1, 1) with { SecretHash = "other" }, Now, Hold, new RateWindow());
        ledger.Apply(ledger.DecideRevoke(Now)!);
        var revoked = ledger.Hold(Request("r2", 1, 1), Now, Hold, new RateWindow());

        Assert.Equal(ReserveVerdict.UnknownKey, wrong.Verdict);
        Assert.Equal(ReserveVerdict.Revoked, revoked.Verdict);
    }

    [Fact]
    public void RequestsPerMinute_AreLimited_WithTheWaitUntilTheOldestLeaves()
    {
        var ledger = Issued(credit: 10m, rpm: 2);
        var window = new RateWindow();
        for (var i = 0; i < 2; i++)
        {
            Assert.True(ledger.Hold(Request($"r{i}", 1, 1), Now.AddSeconds(i * 10), Hold, window).IsReserved);
        }

        var limited = ledger.Hold(Request("r3", 1, 1), Now.AddSeconds(20), Hold, window);
        var later = ledger.Hold(Request("r3", 1, 1), Now.AddSeconds(60), Hold, window);

        Assert.Equal(ReserveVerdict.RateLimited, limited.Verdict);
        Assert.Equal(TimeSpan.FromSeconds(40), limited.RetryAfter);
        Assert.True(later.IsReserved);
    }

    [Fact]
    public void TopUp_WithTheSameOperationId_CountsOnce()
    {
        var ledger = Issued(credit: 1m);
        ledger.Apply(ledger.DecideTopUp(new TopUpKey("k", 5m, "op-1"), Now)!);

        Assert.Null(ledger.DecideTopUp(new TopUpKey("k", 5m, "op-1"), Now));
        Assert.Equal(6m, ledger.Credited);
    }

    [Fact]
    public void AnyOrderOfCommands_AndLostHolds_NeverGoNegative_NorChargeARequestTwice_AndSnapshotsRoundTrip()
    {
        var random = new Random(19);
        var ledger = Issued(credit: 3m);
        var terms = new Dictionary<string, CreditReservation>(StringComparer.Ordinal);
        var settledIds = new List<string>();
        var charged = 0m;
        var now = Now;
        for (var step = 0; step < 20_000; step++)
        {
            now += TimeSpan.FromMilliseconds(random.Next(0, 200));
            var id = "r" + random.Next(0, 400);
            switch (random.Next(0, 10))
            {
                case < 4:
                    var held = ledger.Hold(Request(id, random.Next(1, 300), random.Next(1, 400)), now, Hold, new RateWindow());
                    if (held.IsReserved)
                    {
                        terms[id] = held;
                    }

                    break;
                case < 8 when terms.TryGetValue(id, out var hold):
                    var (settled, _) = ledger.DecideSettle(Settlement(id, random.Next(0, 300), random.Next(0, 500), hold), now);
                    if (settled is ReservationSettled s)
                    {
                        settledIds.Add(s.RequestId);
                        charged += s.Charged;
                        ledger.Apply(s);
                    }

                    break;
                case 8:
                    ledger.ExpireHolds(now, _ => random.Next(0, 50) > 0, TimeSpan.FromSeconds(5));
                    break;
                case 9 when random.Next(0, 20) == 0:
                    // A crash: the holds are gone, the journal (here: the snapshot) stays.
                    ledger = KeyLedger.FromSnapshot(ledger.Snapshot());
                    break;
                default:
                    if (ledger.DecideTopUp(new TopUpKey("k", random.Next(0, 3), "op" + random.Next(0, 100)), now) is { } topUp)
                    {
                        ledger.Apply(topUp);
                    }

                    break;
            }

            Assert.True(ledger.Available >= 0, $"available {ledger.Available} at step {step}");
        }

        Assert.Equal(charged, ledger.Charged);
        Assert.Equal(settledIds.Count, settledIds.Distinct().Count());
        Assert.True(settledIds.Count > 100, $"only {settledIds.Count} settlements");
    }

    private static KeyLedger Issued(decimal credit, int rpm = 0)
    {
        var ledger = new KeyLedger("k");
        ledger.Apply(ledger.DecideIssue(new IssueKey("k", "test", "hash", credit, rpm, 0), Now)!);
        return ledger;
    }

    private static ReserveCredit Request(string id, int prompt, int completion, string owner = "local") =>
        new("k", "hash", id, "chat", prompt, completion, Price, owner);

    private static CreditReservation Reserve(KeyLedger ledger, string id, int prompt, int completion, string owner = "local") =>
        ledger.Hold(Request(id, prompt, completion, owner), Now, Hold, new RateWindow());

    private static SettleCredit Settlement(string id, int prompt, int completion, CreditReservation held) =>
        new("k", id, prompt, completion, "chat", Price, held.GrantedCompletionTokens, held.Amount);

    private static CreditSettlement Settle(KeyLedger ledger, string id, int prompt, int completion, CreditReservation? held = null)
    {
        held ??= new CreditReservation(ReserveVerdict.Reserved, 0, 0, null, "");
        var (e, reply) = ledger.DecideSettle(Settlement(id, prompt, completion, held), Now);
        if (e is not null)
        {
            ledger.Apply(e);
        }

        return reply;
    }
}
