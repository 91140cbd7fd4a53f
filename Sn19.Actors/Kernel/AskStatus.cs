namespace Sn19.Actors.Kernel;

/// <summary>How an ask ended. Anything but <see cref="Replied"/> is an expected failure, not an exception.</summary>
public enum AskStatus
{
    Replied,
    Timeout,
    MailboxFull,
    Dead,
}
