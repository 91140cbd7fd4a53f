namespace Sn19.Actors.Wire.Fiber;

/// <summary>Set on a request that came over fiber: the miner answers in Nineteen's dialect (capacities as a plain map;
/// streams of token chunks only, without a closing chunk or <c>[DONE]</c>, as Nineteen's miners forward vLLM's).</summary>
public interface IFiberRequestFeature
{
    string SymmetricKeyUuid { get; }
}
