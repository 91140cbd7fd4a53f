namespace Sn19.Actors.Subnet.Simulation;

using Sn19.Actors.Subnet.Validation;

/// <summary>What the scripted users act on: the scenario, the router they send through, the scripted miners
/// (their declared capacity sets the demand), and the scenario's periods on the validator's clock.</summary>
internal sealed record ScriptedUsers(Scenario Scenario, OrganicRouter Router, ScriptedMinerLine Miners, PeriodClock Periods, long FirstPeriod, long Seed);
