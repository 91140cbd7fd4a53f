namespace Sn19.Host.Admin;

/// <summary>The body of every non-2xx admin answer.</summary>
internal sealed record AdminError(string Error);
