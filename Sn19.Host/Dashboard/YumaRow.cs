namespace Sn19.Host.Dashboard;

/// <summary>One uid's Yuma results as proportions (the chain's u16 / 65535) and its emission in TAO.</summary>
internal sealed record YumaRow(
    ushort Uid, string Hotkey, bool ValidatorPermit, double Incentive, double Dividends, double Consensus, double ValidatorTrust, double EmissionTao);
