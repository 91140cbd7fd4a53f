namespace Sn19.Tests.Actors.Persistence;

using Sn19.Actors.Kernel;

/// <summary>The protocol of <see cref="CounterActor"/>.</summary>
public abstract record CounterMessage
{
    public sealed record Increment(long By, ReplyTo<long>? Ack = null) : CounterMessage;

    public sealed record Get(ReplyTo<long> ReplyTo) : CounterMessage;

    public sealed record Crash(string Why) : CounterMessage;
}
