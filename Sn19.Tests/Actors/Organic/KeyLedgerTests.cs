namespace Sn19.Tests.Actors.Organic;

using Sn19.Actors.Organic;

/// <summary>The API key ledger's rules, on the pure state: what a reservation holds, what a settlement charges,
/// and that no order of commands makes the balance negative or charges a request twice.</summary>
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
    public void Expired_IsReleasedUncharged_AndALateSettlementChargesNothing()
    {
        var ledger = Issued(credit: 10m);
        Reserve(ledger, "r1", 10, 10);

        var expired = ledger.DecideExpiries(Now + Hold, _ => true, TimeSpan.FromSeconds(5));
        foreach (var e in expired)
        {
            ledger.Apply(e);
        }

        var (late, reply) = ledger.DecideSettle(new SettleCredit("k", "r1", 10, 10), Now + Hold);
        Assert.Single(expired);
        Assert.Null(late);
        Assert.False(reply.Settled);
        Assert.Equal(10m, ledger.Available);
    }

    [Fact]
    public void AReservationWhoseGatewayLeftTheCluster_IsReleasedAfterTheGrace()
    {
        var ledger = Issued(credit: 10m);
        Reserve(ledger, "r1", 10, 10, owner: "node-a");
        Reserve(ledger, "r2", 10, 10, owner: "node-b");
        var grace = TimeSpan.FromSeconds(5);

        Assert.Empty(ledger.DecideExpiries(Now + TimeSpan.FromSeconds(1), owner => owner == "node-a", grace));
        var released = ledger.DecideExpiries(Now + TimeSpan.FromSeconds(6), owner => owner == "node-a", grace);

        Assert.Equal("r2", Assert.IsType<ReservationExpired>(Assert.Single(released)).RequestId);
    }

    [Fact]
    public void WrongSecret_And_RevokedKey_AreRefused()
    {
        var ledger = Issued(credit: 10m);
        var wrong = ledger.DecideReserve(Request("r1", 1, 1) with { SecretHash = "other" }, Now, Hold, new RateWindow());
        ledger.Apply(ledger.DecideRevoke(Now)!);
        var revoked = ledger.DecideReserve(Request("r2", 1, 1), Now, Hold, new RateWindow());

        Assert.Equal(ReserveVerdict.UnknownKey, wrong.Reply.Verdict);
        Assert.Equal(ReserveVerdict.Revoked, revoked.Reply.Verdict);
    }

    [Fact]
    public void RequestsPerMinute_AreLimited_WithTheWaitUntilTheOldestLeaves()
    {
        var ledger = Issued(credit: 10m, rpm: 2);
        var window = new RateWindow();
        for (var i = 0; i < 2; i++)
        {
            var (e, _) = ledger.DecideReserve(Request($"r{i}", 1, 1), Now.AddSeconds(i * 10), Hold, window);
            ledger.Apply(e!);
            window.Add(Now.AddSeconds(i * 10), 2);
        }

        var (none, limited) = ledger.DecideReserve(Request("r3", 1, 1), Now.AddSeconds(20), Hold, window);
        var (later, _) = ledger.DecideReserve(Request("r3", 1, 1), Now.AddSeconds(60), Hold, window);

        Assert.Null(none);
        Assert.Equal(ReserveVerdict.RateLimited, limited.Verdict);
        Assert.Equal(TimeSpan.FromSeconds(40), limited.RetryAfter);
        Assert.NotNull(later);
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
    public void AnyOrderOfCommands_NeverGoesNegative_NorChargesARequestTwice_AndSnapshotsRoundTrip()
    {
        var random = new Random(19);
        var ledger = Issued(credit: 3m);
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
                    var (reserved, _) = ledger.DecideReserve(Request(id, random.Next(1, 300), random.Next(1, 400)), now, Hold, new RateWindow());
                    Apply(reserved);
                    break;
                case < 8:
                    var (settled, reply) = ledger.DecideSettle(new SettleCredit("k", id, random.Next(0, 300), random.Next(0, 500)), now);
                    if (settled is ReservationSettled s)
                    {
                        settledIds.Add(s.RequestId);
                        charged += s.Charged;
                    }

                    Apply(settled);
                    break;
                case 8:
                    foreach (var e in ledger.DecideExpiries(now, _ => random.Next(0, 50) > 0, TimeSpan.FromSeconds(5)))
                    {
                        Apply(e);
                    }

                    break;
                default:
                    Apply(ledger.DecideTopUp(new TopUpKey("k", random.Next(0, 3), "op" + random.Next(0, 100)), now));
                    break;
            }

            Assert.True(ledger.Available >= 0, $"available {ledger.Available} at step {step}");
            if (step % 5_000 == 0)
            {
                ledger = KeyLedger.FromSnapshot(ledger.Snapshot());
            }
        }

        Assert.Equal(charged, ledger.Charged);
        Assert.Equal(settledIds.Count, settledIds.Distinct().Count());
        Assert.True(settledIds.Count > 100, $"only {settledIds.Count} settlements");

        void Apply(KeyEvent? e)
        {
            if (e is not null)
            {
                ledger.Apply(e);
            }
        }
    }

    private static KeyLedger Issued(decimal credit, int rpm = 0)
    {
        var ledger = new KeyLedger("k");
        ledger.Apply(ledger.DecideIssue(new IssueKey("k", "test", "hash", credit, rpm, 0), Now)!);
        return ledger;
    }

    private static ReserveCredit Request(string id, int prompt, int completion, string owner = "local") =>
        new("k", "hash", id, "chat", prompt, completion, Price, owner);

    private static CreditReservation Reserve(KeyLedger ledger, string id, int prompt, int completion, string owner = "local")
    {
        var (e, reply) = ledger.DecideReserve(Request(id, prompt, completion, owner), Now, Hold, new RateWindow());
        if (e is not null)
        {
            ledger.Apply(e);
        }

        return reply;
    }

    private static CreditSettlement Settle(KeyLedger ledger, string id, int prompt, int completion)
    {
        var (e, reply) = ledger.DecideSettle(new SettleCredit("k", id, prompt, completion), Now);
        if (e is not null)
        {
            ledger.Apply(e);
        }

        return reply;
    }
}
