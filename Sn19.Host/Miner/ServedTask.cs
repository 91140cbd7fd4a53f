namespace Sn19.Host.Miner;

using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// A task this miner serves: its kind, backend and admission gate, the capacity it really serves per
/// period (the quota) and the capacity it advertises to validators (normally the same).
/// </summary>
internal sealed record ServedTask(string Id, TextRequestKind Kind, IMinerTextBackend Backend, BoundedRequestGate Gate, double Capacity, double AdvertisedCapacity);
