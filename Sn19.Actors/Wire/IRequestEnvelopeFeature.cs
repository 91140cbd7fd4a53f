namespace Sn19.Actors.Wire;

/// <summary>Set on <c>HttpContext.Features</c> for a request that passed the envelope checks.</summary>
public interface IRequestEnvelopeFeature
{
    /// <summary>SS58 address of the validator that signed the request.</summary>
    string ValidatorHotkey { get; }

    string Nonce { get; }
}
