namespace Sn19.Actors.Kernel;

/// <summary>
/// An actor this one watches, or one of its children, stopped for good. <paramref name="Reason"/> is
/// <see cref="StopReason.Failed"/> when supervision gave up; <paramref name="Error"/> is the last failure.
/// </summary>
public sealed record Terminated(ActorPath Path, StopReason Reason, Exception? Error) : ActorSignal;
