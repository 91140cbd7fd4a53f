namespace Sn19.Actors.Kernel;

using Microsoft.Extensions.Configuration;

/// <summary>Kernel defaults, bound from the HOCON section <c>actors</c> (hocon/defaults/actors.conf).</summary>
public sealed class ActorSystemOptions
{
    /// <summary>actors.mailbox-capacity: messages a mailbox holds before tell reports it full.</summary>
    [ConfigurationKeyName("mailbox-capacity")]
    public int MailboxCapacity { get; set; } = 1024;

    /// <summary>actors.passivate-after: default idle time before passivation; zero disables it by default.</summary>
    [ConfigurationKeyName("passivate-after")]
    public TimeSpan PassivateAfter { get; set; } = TimeSpan.Zero;

    /// <summary>actors.ask-timeout: default timeout of asks made by the node's own surfaces (admin API).</summary>
    [ConfigurationKeyName("ask-timeout")]
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>actors.shutdown-timeout: how long graceful shutdown waits for the tree to stop.</summary>
    [ConfigurationKeyName("shutdown-timeout")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>actors.supervision.*</summary>
    [ConfigurationKeyName("supervision")]
    public SupervisionOptions Supervision { get; set; } = new();

    public void Validate()
    {
        if (MailboxCapacity < 1)
        {
            throw new ArgumentException($"actors.mailbox-capacity must be >= 1 (was {MailboxCapacity}).");
        }

        if (PassivateAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"actors.passivate-after must be >= 0 (was {PassivateAfter}).");
        }

        if (AskTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"actors.ask-timeout must be positive (was {AskTimeout}).");
        }

        if (ShutdownTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"actors.shutdown-timeout must be positive (was {ShutdownTimeout}).");
        }

        Supervision.Validate("actors.supervision");
    }
}
