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
}
