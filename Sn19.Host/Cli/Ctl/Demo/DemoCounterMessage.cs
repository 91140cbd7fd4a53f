namespace Sn19.Host.Cli.Ctl.Demo;

using Sn19.Actors.Kernel;

/// <summary>The demo counter's protocol. <see cref="Increment.Ack"/> receives the sequence number once durable.</summary>
internal abstract record DemoCounterMessage
{
    public sealed record Increment(ReplyTo<long>? Ack) : DemoCounterMessage;

    public sealed record Get(ReplyTo<long> ReplyTo) : DemoCounterMessage;
}
