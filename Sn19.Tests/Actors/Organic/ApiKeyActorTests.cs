namespace Sn19.Tests.Actors.Organic;

using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Sn19.Actors.Organic;
using Sn19.Tests.Actors.Subnet.Tasks;

/// <summary>The key's persistent entity on Akka's virtual time and in-memory journal: a hold is lost in a restart but
/// its settlement still charges, once; a hold whose gateway is gone ends without a charge.</summary>
public sealed class ApiKeyActorTests() : TestKit(VirtualTime.Config)
{
    private static readonly TaskPrice Price = new(1m, 2m);

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task AHold_IsLostInARestart_ButItsSettlementStillChargesOnce()
    {
        var key = await IssuedAsync("0000000000000001", credit: 5m);
        var held = await key.Ask<CreditReservation>(Reserve("0000000000000001", "r1", owner: "local"));
        await StopAsync(key);

        var again = Sys.ActorOf(ApiKeyActor.Props("0000000000000001", TimeSpan.FromMinutes(5)));
        var status = await again.Ask<KeyStatus>(new GetKeyStatus("0000000000000001"));
        var settled = await again.Ask<CreditSettlement>(Settle("0000000000000001", "r1", held));
        var twice = await again.Ask<CreditSettlement>(Settle("0000000000000001", "r1", held));

        Assert.True(held.IsReserved);
        Assert.Equal(0, status.OpenReservations);
        Assert.Equal(0.01m + 0.04m, settled.Charged);
        Assert.Equal(settled.Charged, twice.Charged);
        Assert.Equal(5m - 0.05m, (await again.Ask<KeyStatus>(new GetKeyStatus("0000000000000001"))).Balance);
    }

    [Fact]
    public async Task AReservationOfAGatewayThatIsGone_IsReleasedWithoutACharge()
    {
        var key = await IssuedAsync("0000000000000002", credit: 5m);
        // An owner that is not this process: outside a cluster only "local" is alive.
        await key.Ask<CreditReservation>(Reserve("0000000000000002", "r1", owner: "akka.tcp://validator@127.0.0.1:1#42"));
        var holding = await key.Ask<KeyStatus>(new GetKeyStatus("0000000000000002"));

        Clock.Advance(ApiKeyActor.OwnerGrace + ApiKeyActor.ExpiryCheck);
        var status = await key.Ask<KeyStatus>(new GetKeyStatus("0000000000000002"));

        Assert.Equal(1, holding.OpenReservations);
        Assert.Equal(0, status.OpenReservations);
        Assert.Equal(5m, status.Available);
        Assert.Equal(0m, status.Charged);
    }

    [Fact]
    public async Task Status_CrossesNodes_ThroughAkkasSerializer()
    {
        var key = await IssuedAsync("0000000000000003", credit: 5m);
        var held = await key.Ask<CreditReservation>(Reserve("0000000000000003", "r1", owner: "local"));
        await key.Ask<CreditSettlement>(Settle("0000000000000003", "r1", held) with { PromptTokens = 1, CompletionTokens = 1 });
        var status = await key.Ask<KeyStatus>(new GetKeyStatus("0000000000000003"));

        var serializer = Sys.Serialization.FindSerializerFor(status);
        var back = (KeyStatus)serializer.FromBinary(serializer.ToBinary(status), typeof(KeyStatus));

        Assert.Equal(status.Charged, back.Charged);
        Assert.Equal("r1", Assert.Single(back.RecentCharges).RequestId);
    }

    private async Task<IActorRef> IssuedAsync(string id, decimal credit)
    {
        var key = Sys.ActorOf(ApiKeyActor.Props(id, TimeSpan.FromMinutes(5)));
        var status = await key.Ask<KeyStatus>(new IssueKey(id, "test", "hash", credit, 0, 0));
        Assert.True(status.Exists);
        return key;
    }

    private static ReserveCredit Reserve(string id, string request, string owner) => new(id, "hash", request, "chat", 10, 100, Price, owner);

    private static SettleCredit Settle(string id, string request, CreditReservation held) =>
        new(id, request, 10, 20, "chat", Price, held.GrantedCompletionTokens, held.Amount);

    private async Task StopAsync(IActorRef actor)
    {
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(actor);
    }
}
