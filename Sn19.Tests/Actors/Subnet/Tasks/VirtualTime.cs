namespace Sn19.Tests.Actors.Subnet.Tasks;

/// <summary>An actor system on Akka.TestKit's TestScheduler (time moves only when a test advances it), with
/// Akka's in-memory journal for persistent actors.</summary>
internal static class VirtualTime
{
    public const string Config = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        """;
}
