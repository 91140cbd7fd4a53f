namespace Sn19.Tests.Host.Miner.Actors;

using Akka.Actor;
using Akka.TestKit.Xunit2;
using Sn19.Host.Miner;
using Sn19.Host.Miner.Actors;
using Sn19.Tests.TestSupport;

/// <summary>The miner's admission queue and validator quotas as actors (Akka.TestKit).</summary>
public sealed class MinerActorsTests : TestKit
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Gate_OneSlotOneWaiter_ThirdRefused_SlotPassesInOrder()
    {
        var gate = Sys.ActorOf(TaskGateActor.Props(concurrency: 1, maxQueue: 1));
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var third = CreateTestProbe();

        gate.Tell(new EnterGate(1), first);
        first.ExpectMsg(new GateEntered(1));
        gate.Tell(new EnterGate(2), second);
        second.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        gate.Tell(new EnterGate(3), third);
        third.ExpectMsg(new GateFull(3));

        gate.Tell(new LeaveGate(1));
        second.ExpectMsg(new GateEntered(2));
    }

    [Fact]
    public void Gate_WaiterThatGivesUp_IsDropped_NextOneGetsTheSlot()
    {
        var gate = Sys.ActorOf(TaskGateActor.Props(concurrency: 1, maxQueue: 2));
        var holder = CreateTestProbe();
        var quitter = CreateTestProbe();
        var patient = CreateTestProbe();
        gate.Tell(new EnterGate(1), holder);
        holder.ExpectMsg(new GateEntered(1));
        gate.Tell(new EnterGate(2), quitter);
        gate.Tell(new EnterGate(3), patient);

        gate.Tell(new LeaveGate(2));
        gate.Tell(new LeaveGate(1));

        patient.ExpectMsg(new GateEntered(3));
        quitter.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Quota_ReservesUpToTheShare_SettleGivesBackTheUnused_NextPeriodStartsAfresh()
    {
        var time = new ManualTimeProvider(Start);
        var quotas = Sys.ActorOf(ValidatorQuotasActor.Props(time, TimeSpan.FromMinutes(30)));
        var reserve = new ReserveQuota("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "chat", Share: 100, MaxTokens: 64);

        quotas.Tell(reserve, TestActor);
        var first = ExpectMsg<QuotaReservation>();
        quotas.Tell(reserve, TestActor);
        ExpectMsg<QuotaReservation>();
        quotas.Tell(reserve, TestActor);
        ExpectMsg<QuotaSpent>();

        // 128 held; the first used 10 of its 64: 74 held, below the share again.
        quotas.Tell(new SettleQuota(first, 10));
        quotas.Tell(reserve, TestActor);
        ExpectMsg<QuotaReservation>();

        time.Advance(TimeSpan.FromMinutes(30));
        quotas.Tell(reserve with { MaxTokens = 100 }, TestActor);
        Assert.Equal(100, ExpectMsg<QuotaReservation>().Reserved);
    }
}
