namespace Sn19.Actors.Wire.Fiber;

internal sealed record FiberRequestFeature(string SymmetricKeyUuid) : IFiberRequestFeature;
