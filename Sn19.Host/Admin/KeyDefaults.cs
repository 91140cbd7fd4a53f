namespace Sn19.Host.Admin;

/// <summary>What a key gets when its creator names no credit or limits (organic.default-credit, -rpm, -tpm).</summary>
internal sealed record KeyDefaults(decimal Credit, int RequestsPerMinute, int TokensPerMinute);
