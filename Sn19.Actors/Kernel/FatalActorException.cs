namespace Sn19.Actors.Kernel;

/// <summary>
/// An exception after which restarting cannot help (e.g. another incarnation owns the persistence id):
/// the actor stops at once instead of restarting, and its parent and watchers are told.
/// </summary>
public class FatalActorException : Exception
{
    public FatalActorException()
    {
    }

    public FatalActorException(string message)
        : base(message)
    {
    }

    public FatalActorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
