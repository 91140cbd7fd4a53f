namespace Sn19.Actors.Organic;

/// <summary>
/// Before a request is sent: checks the secret, the rate limits and the credit, and holds the most the request
/// can cost (<paramref name="PromptTokensBound"/> prompt tokens and up to <paramref name="MaxCompletionTokens"/>
/// completion tokens at <paramref name="Price"/>). With less credit than that, fewer completion tokens are
/// granted. <paramref name="Owner"/> is the gateway node that will settle it (its cluster address with uid).
/// Replies <see cref="CreditReservation"/>; the same <paramref name="RequestId"/> twice is one reservation.
/// </summary>
public sealed record ReserveCredit(
    string KeyId, string SecretHash, string RequestId, string TaskId, int PromptTokensBound, int MaxCompletionTokens, TaskPrice Price, string Owner)
    : KeyMessage(KeyId);
