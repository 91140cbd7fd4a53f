namespace Sn19.Tests.Actors.Organic;

using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using Sn19.Actors.Organic;
using Sn19.Tests.Actors.Subnet.Tasks;

/// <summary>The key's persistent entity on Akka's virtual time and in-memory journal: a reservation survives a
/// restart, and one whose gateway is gone is released without a charge.</summary>
public sealed class ApiKeyActorTests() : TestKit(VirtualTime.Config)
{
    private static readonly TaskPrice Price = new(1m, 2m);

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task AReservation_SurvivesARestart_AndSettlesOnce()
    {
        var key = await IssuedAsync("0000000000000001", credit: 5m);
        var reserved = await key.Ask<CreditReservation>(Reserve("0000000000000001", "r1", owner: "local"));
        await StopAsync(key);

        var again = Sys.ActorOf(ApiKeyActor.Props("0000000000000001", TimeSpan.FromMinutes(5)));
        var status = await again.Ask<KeyStatus>(new GetKeyStatus("0000000000000001"));
        var settled = await again.Ask<CreditSettlement>(new SettleCredit("0000000000000001", "r1", 10, 20));
        var twice = await again.Ask<CreditSettlement>(new SettleCredit("0000000000000001", "r1", 10, 20));

        Assert.True(reserved.IsReserved);
        Assert.Equal(1, status.OpenReservations);
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

        Clock.Advance(ApiKeyActor.OwnerGrace + ApiKeyActor.ExpiryCheck);
        var status = await key.Ask<KeyStatus>(new GetKeyStatus("0000000000000002"));
        var late = await key.Ask<CreditSettlement>(new SettleCredit("0000000000000002", "r1", 10, 20));

        Assert.Equal(0, status.OpenReservations);
        Assert.Equal(5m, status.Available);
        Assert.False(late.Settled);
        Assert.Equal(0m, (await key.Ask<KeyStatus>(new GetKeyStatus("0000000000000002"))).Charged);
    }

    [Fact]
    public async Task Status_CrossesNodes_ThroughAkkasSerializer()
    {
        var key = await IssuedAsync("0000000000000003", credit: 5m);
        await key.Ask<CreditReservation>(Reserve("0000000000000003", "r1", owner: "local"));
        await key.Ask<CreditSettlement>(new SettleCredit("0000000000000003", "r1", 1, 1));
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

    private async Task StopAsync(IActorRef actor)
    {
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(actor);
    }
}
