namespace Sn19.Host.Miner;

using Sn19.Actors.Wire.OpenAi;

/// <summary>A task this miner serves: its kind, backend, admission gate and declared capacity.</summary>
internal sealed record ServedTask(string Id, TextRequestKind Kind, IMinerTextBackend Backend, BoundedRequestGate Gate, double Capacity);
