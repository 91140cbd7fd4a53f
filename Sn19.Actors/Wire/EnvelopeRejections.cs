namespace Sn19.Actors.Wire;

using Microsoft.AspNetCore.Http;

/// <summary>HTTP status and error code of each <see cref="EnvelopeRejection"/> (documented in hocon/defaults/wire.conf).</summary>
public static class EnvelopeRejections
{
    public static int StatusCode(EnvelopeRejection rejection) => rejection switch
    {
        EnvelopeRejection.MissingHeader or EnvelopeRejection.MalformedHeader or EnvelopeRejection.WrongMiner
            => StatusCodes.Status400BadRequest,
        EnvelopeRejection.BadSignature => StatusCodes.Status401Unauthorized,
        EnvelopeRejection.UnknownValidator or EnvelopeRejection.LowStake => StatusCodes.Status403Forbidden,
        EnvelopeRejection.StaleNonce => StatusCodes.Status408RequestTimeout,
        EnvelopeRejection.ReplayedNonce => StatusCodes.Status409Conflict,
        EnvelopeRejection.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        EnvelopeRejection.TooManyNonces or EnvelopeRejection.TooManyUnverified => StatusCodes.Status429TooManyRequests,
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, "not a rejection"),
    };

    public static string Code(EnvelopeRejection rejection) => rejection switch
    {
        EnvelopeRejection.MissingHeader => "missing-header",
        EnvelopeRejection.MalformedHeader => "malformed-header",
        EnvelopeRejection.WrongMiner => "wrong-miner",
        EnvelopeRejection.StaleNonce => "stale-nonce",
        EnvelopeRejection.ReplayedNonce => "replayed-nonce",
        EnvelopeRejection.UnknownValidator => "unknown-validator",
        EnvelopeRejection.LowStake => "low-stake",
        EnvelopeRejection.TooManyUnverified => "too-many-unverified",
        EnvelopeRejection.BodyTooLarge => "body-too-large",
        EnvelopeRejection.BadSignature => "bad-signature",
        EnvelopeRejection.TooManyNonces => "too-many-nonces",
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, "not a rejection"),
    };
}
