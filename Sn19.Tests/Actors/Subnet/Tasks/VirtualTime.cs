namespace Sn19.Tests.Actors.Subnet.Tasks;

/// <summary>An actor system on Akka.TestKit's TestScheduler: time moves only when a test advances it.</summary>
internal static class VirtualTime
{
    public const string Config = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        """;
}
