namespace Sn19.Actors.Kernel.Internal;

using System.Text.Json;

/// <summary>Asks the cell, on its own loop, for its actor's <see cref="IIntrospectable.Summary"/>.</summary>
internal sealed record DescribeSignal(TaskCompletionSource<JsonElement?> Reply) : ActorSignal;

/// <summary>A tick of the passivation timer: passivate if idle long enough.</summary>
internal sealed record PassivateCheck : ActorSignal
{
    public static PassivateCheck Instance { get; } = new();
}
