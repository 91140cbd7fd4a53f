namespace Sn19.Actors.Organic;

/// <summary>Creates the key (once; a repeat answers the existing key's status). Replies <see cref="KeyStatus"/>.</summary>
public sealed record IssueKey(string KeyId, string Name, string SecretHash, decimal Credit, int RequestsPerMinute, int TokensPerMinute)
    : KeyMessage(KeyId);
