namespace Sn19.Host.Cli.Chain;

/// <summary>Per-uid bond rows (uid → value) in stored u16 form and as the epoch computed them.</summary>
internal sealed record YumaBondsOutput(SortedDictionary<int, ushort>[] U16, SortedDictionary<int, double>[] Float);
