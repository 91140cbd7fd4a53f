namespace Sn19.Host.Configuration.Hocon;

/// <summary>One leaf of a resolved document in Microsoft.Extensions.Configuration form (`a:b:0`), with where it was written.</summary>
internal sealed record HoconEntry(string Key, string? Value, HoconOrigin Origin);
