namespace Sn19.Actors.Mechanism;

/// <summary>Classifies a query (MECHANISM.md "Per period" 4, with the reference's quirk 2 fixed).</summary>
internal static class OutcomeClassifier
{
    public static QueryOutcome Classify(QueryObservation o, double charactersPerToken)
    {
        // A 429 is rate limiting whether or not the task streams, as long as nothing was sent first;
        // the reference recorded a refused stream as a failure (quirk 2).
        if (o.StatusCode == 429 && o.BytesReceived == 0)
        {
            return QueryOutcome.RateLimited;
        }

        if (o.TimedOut || o.StatusCode != 200 || o.Malformed || o.ValidChunks <= 0)
        {
            return QueryOutcome.Failed;
        }

        if (o.Tokens is { } tokens && tokens > o.MaxTokens)
        {
            return QueryOutcome.Failed;
        }

        var work = Work(o.Tokens, o.Characters, charactersPerToken);
        if (work <= 0)
        {
            return QueryOutcome.Failed;
        }

        return QueryOutcome.Ok(work, o.ResponseTime, o.TimeToFirstToken, o.StreamTime);
    }

    /// <summary>Tokens streamed; characters / charactersPerToken only when the backend reports no tokens.</summary>
    public static double Work(int? tokens, long characters, double charactersPerToken) =>
        tokens is { } t ? t : characters / charactersPerToken;
}
