namespace Sn19.Tests.Host.Admin;

using Akka.Actor;
using Sn19.Actors.Hosting;

/// <summary>A small described actor for the admin API tests: keeps the last note it was told, and starts the named children.</summary>
internal sealed class NoteActor : ReceiveActor, IDescribedActor
{
    private string? _lastNote;

    public NoteActor(string[] children)
    {
        foreach (var child in children)
        {
            Context.ActorOf(Props.Create(() => new NoteActor(Array.Empty<string>())), child);
        }

        Receive<string>(note => _lastNote = note);
        Receive<DescribeActor>(_ => Sender.Tell(new ActorDescription(new { lastNote = _lastNote })));
    }

    public static Props With(params string[] children) => Props.Create(() => new NoteActor(children));
}
