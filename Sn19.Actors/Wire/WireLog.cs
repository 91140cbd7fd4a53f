namespace Sn19.Actors.Wire;

using Microsoft.Extensions.Logging;

internal static partial class WireLog
{
    // Debug: a hostile peer can make these as often as it likes; counts belong in metrics, not in the log.
    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug,
        Message = "Envelope refused: {Code} from validator {Validator} ({Detail})")]
    public static partial void Refused(ILogger logger, string code, string validator, string detail);
}
