namespace Sn19.Host.Miner;

using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// A task this miner serves: its kind, backend, admission limits (requests generating at once, requests
/// waiting), the capacity it really serves per period (the quota) and the capacity it advertises to
/// validators (normally the same); and how many complete responses it has served.
/// </summary>
internal sealed record ServedTask(
    string Id, TextRequestKind Kind, IMinerTextBackend Backend, int Concurrency, int MaxQueue, double Capacity, double AdvertisedCapacity)
{
    public ServedCounter Served { get; } = new();

    /// <summary>The task as configured: its kind from the task registry, its limits and capacities from the miner's options.</summary>
    public static ServedTask Create(TaskDefinition task, IMinerTextBackend backend, MinerTaskOptions options) => new(
        task.Id,
        task.Kind == TaskKind.Chat ? TextRequestKind.Chat : TextRequestKind.Completion,
        backend,
        options.Concurrency,
        options.MaxQueue,
        options.Capacity,
        options.EffectiveAdvertisedCapacity);
}
