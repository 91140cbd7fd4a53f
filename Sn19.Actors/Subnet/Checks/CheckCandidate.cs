namespace Sn19.Actors.Subnet.Checks;

/// <summary>
/// A successful result waiting for a quality check: who produced it, for which task and model, and the
/// request and response the checker needs (the engine-backed checker re-scores the response tokens).
/// </summary>
public sealed record CheckCandidate(
    string Hotkey,
    string TaskId,
    string Model,
    long QueryId,
    DateTimeOffset At,
    string Request,
    string Response);
