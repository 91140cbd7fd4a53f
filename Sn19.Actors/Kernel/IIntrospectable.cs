namespace Sn19.Actors.Kernel;

/// <summary>
/// Implemented by an actor type to describe its state to operators (<c>sn19 ctl actor PATH</c>). Called on
/// the actor's own loop between messages, so it may read state freely. Return a small JSON-serialisable record.
/// </summary>
public interface IIntrospectable
{
    object Summary();
}
