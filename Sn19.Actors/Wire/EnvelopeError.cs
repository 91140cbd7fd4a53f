namespace Sn19.Actors.Wire;

/// <summary>The JSON body of a refused request: <c>{"error":"stale-nonce","message":"…"}</c>.</summary>
public sealed record EnvelopeError(string Error, string Message);
