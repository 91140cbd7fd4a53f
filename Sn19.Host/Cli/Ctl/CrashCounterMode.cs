namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;
using Sn19.Actors.Kernel;
using Sn19.Actors.Persistence;
using Sn19.Host.Cli.Ctl.Demo;

/// <summary>
/// The crash-recovery child process: recovers the counter <c>crash-counter</c>, prints
/// <c>recovered value=V seq=S</c>, then persists N increments one event at a time and prints <c>ack SEQ</c>
/// after each append has committed, then <c>done</c>.
/// </summary>
internal static class CrashCounterMode
{
    public const string PersistenceId = "crash-counter";

    public static async Task<int> RunAsync(ParseResult r, string directory, int increments, CancellationToken ct)
    {
        var output = r.InvocationConfiguration.Output;
        await using var persistence = await PersistenceRuntime.OpenAsync(
            new PersistenceOptions { Sqlite = { Path = Path.Combine(directory, "journal.db") } },
            DemoCounterActor.Register(new EventTypeRegistry()), null, null, ct);
        await using var system = ActorSystem.Create("crash-counter");
        var counter = system.Spawn("counter", () => new DemoCounterActor(persistence, PersistenceId, null));
        var timeout = TimeSpan.FromSeconds(30);
        var value = await counter.AskAsync<long>(reply => new DemoCounterMessage.Get(reply), timeout, ct);
        if (!value.IsReplied)
        {
            r.InvocationConfiguration.Error.WriteLine($"sn19 ctl demo-node: counter did not recover: {value.Status}");
            return ExitCodes.Failure;
        }

        var info = await system.DescribeOneAsync("/user/counter", timeout, ct);
        output.WriteLine($"recovered value={value.Value} seq={info?.SequenceNr}");
        output.Flush();
        for (var i = 0; i < increments; i++)
        {
            var ack = await counter.AskAsync<long>(reply => new DemoCounterMessage.Increment(reply), timeout, ct);
            if (!ack.IsReplied)
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 ctl demo-node: increment failed: {ack.Status}");
                return ExitCodes.Failure;
            }

            output.WriteLine($"ack {ack.Value}");
            output.Flush();
        }

        output.WriteLine("done");
        return ExitCodes.Ok;
    }
}
