namespace Sn19.Tests.Chopsticks;

/// <summary>A neuron a test puts on a chopsticks subnet: its keys, permit, stake (rao) and axon (none when port is 0).</summary>
public sealed record SubnetMember(string Hotkey, string Coldkey, bool ValidatorPermit, ulong StakeRao, string AxonIp = "0.0.0.0", int AxonPort = 0);
