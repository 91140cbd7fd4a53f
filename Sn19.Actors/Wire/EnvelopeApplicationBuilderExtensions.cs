namespace Sn19.Actors.Wire;

using Microsoft.AspNetCore.Builder;

/// <summary>Puts the envelope verifier in a miner's pipeline.</summary>
public static class EnvelopeApplicationBuilderExtensions
{
    /// <summary>
    /// Every request that reaches later middleware and endpoints has passed the envelope checks for
    /// <paramref name="minerHotkey"/>. Compose with <c>UseWhen</c> to leave open endpoints (health) outside.
    /// </summary>
    public static IApplicationBuilder UseRequestEnvelope(
        this IApplicationBuilder app,
        EnvelopeOptions options,
        string minerHotkey,
        IValidatorDirectory directory,
        ISignatureVerifier signatures,
        TimeProvider? time = null)
    {
        var verifier = new EnvelopeVerifier(options, minerHotkey, directory, signatures, time ?? TimeProvider.System);
        return app.UseMiddleware<EnvelopeVerificationMiddleware>(verifier);
    }

    /// <summary>
    /// Serves fiber 2.x beside the envelope (<see cref="Fiber.FiberMinerMiddleware"/>): the public key, the key exchange and
    /// the encrypted requests to <c>/capacity</c>, <c>/chat/completions</c> and <c>/completions</c>, under the same admission
    /// checks. Put it before the envelope's branch, which must leave these paths to it.
    /// </summary>
    public static IApplicationBuilder UseFiber(
        this IApplicationBuilder app,
        Fiber.FiberMinerState state,
        EnvelopeOptions options,
        string minerHotkey,
        IValidatorDirectory directory,
        ISignatureVerifier signatures)
    {
        ArgumentNullException.ThrowIfNull(state);
        var verifier = new EnvelopeVerifier(options, minerHotkey, directory, signatures, state.Time);
        return app.UseMiddleware<Fiber.FiberMinerMiddleware>(state, verifier);
    }
}
