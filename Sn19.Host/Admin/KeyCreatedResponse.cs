namespace Sn19.Host.Admin;

using Sn19.Actors.Organic;

/// <summary>The answer to creating a key: its secret, shown this once (only its hash is kept), and its status.</summary>
internal sealed record KeyCreatedResponse(string Secret, KeyStatus Key);
