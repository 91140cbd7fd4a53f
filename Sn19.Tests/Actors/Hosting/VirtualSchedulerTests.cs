namespace Sn19.Tests.Actors.Hosting;

using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Sn19.Actors.Hosting;

/// <summary>The virtual scheduler fires one item at a time, in (due time, scheduling order), and only when driven.</summary>
public sealed class VirtualSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FireNext_OneItemAtATime_InDueThenSchedulingOrder()
    {
        var scheduler = Create();
        var fired = new List<string>();
        ((IScheduler)scheduler).Advanced.ScheduleOnce(TimeSpan.FromSeconds(2), () => fired.Add("b@2"));
        ((IScheduler)scheduler).Advanced.ScheduleOnce(TimeSpan.FromSeconds(1), () => fired.Add("a@1"));
        ((IScheduler)scheduler).Advanced.ScheduleOnce(TimeSpan.FromSeconds(2), () => fired.Add("c@2"));

        Assert.Empty(fired);
        Assert.Equal(Start + TimeSpan.FromSeconds(1), scheduler.NextDue);
        Assert.True(scheduler.FireNext(DateTimeOffset.MaxValue, out _));
        Assert.Equal(["a@1"], fired);
        Assert.Equal(Start + TimeSpan.FromSeconds(1), scheduler.Now);
        while (scheduler.FireNext(DateTimeOffset.MaxValue, out _))
        {
        }

        Assert.Equal(["a@1", "b@2", "c@2"], fired);
        Assert.Equal(Start + TimeSpan.FromSeconds(2), scheduler.Now);
        Assert.Null(scheduler.NextDue);
    }

    [Fact]
    public void Cancelled_NeverFires_AndRepeatedComesBackEachInterval()
    {
        var scheduler = Create();
        var fired = new List<DateTimeOffset>();
        var cancelled = new Cancelable((IScheduler)scheduler);
        ((IScheduler)scheduler).Advanced.ScheduleOnce(TimeSpan.FromSeconds(1), () => fired.Add(DateTimeOffset.MinValue), cancelled);
        ((IScheduler)scheduler).Advanced.ScheduleRepeatedly(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), () => fired.Add(scheduler.Now));
        cancelled.Cancel();

        Assert.Equal(Start + TimeSpan.FromSeconds(3), scheduler.NextDue);
        while (scheduler.FireNext(Start + TimeSpan.FromSeconds(14), out _))
        {
        }

        Assert.Equal([Start.AddSeconds(3), Start.AddSeconds(8), Start.AddSeconds(13)], fired);
        Assert.Equal(Start + TimeSpan.FromSeconds(18), scheduler.NextDue);
    }

    private static VirtualScheduler Create()
    {
        var scheduler = new VirtualScheduler(ConfigurationFactory.Empty, NoLogger.Instance);
        scheduler.MoveTo(Start);
        return scheduler;
    }
}
