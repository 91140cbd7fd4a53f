namespace Sn19.Inference.Generation;

/// <summary>
/// Decode's bandwidth efficiency measured as interleaved rounds (a read-bandwidth probe, then decode steps),
/// so each round's ratio compares the two under the same conditions; the median and the spread of the
/// rounds' ratios. On a shared machine the read bandwidth moves by ±30% from minute to minute, which a
/// probe taken once before or after the decode run would fold into the ratio.
/// </summary>
public sealed record BandwidthEfficiency(double Median, double Lowest, double Highest, double MedianReadBytesPerSecond, double MedianDecodeTokensPerSecond, int Rounds);
