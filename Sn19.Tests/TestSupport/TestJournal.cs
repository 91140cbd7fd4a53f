namespace Sn19.Tests.TestSupport;

using Akka;
using Akka.Actor;

/// <summary>Writes events straight into a system's journal, as a node that died right after writing them left them.</summary>
public static class TestJournal
{
    public static async Task WriteAsync(ActorSystem system, string persistenceId, params object[] events)
    {
        var writer = system.ActorOf(Props.Create(() => new JournalWriter(persistenceId)));
        await writer.Ask<Done>(events, TimeSpan.FromSeconds(10));
        await writer.GracefulStop(TimeSpan.FromSeconds(10));
    }
}
