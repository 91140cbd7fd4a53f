namespace Sn19.Actors.Subnet.Validation;

using Akka.Configuration;

/// <summary>
/// Where a validator node runs: its Akka configuration (journal, scheduler), whether the journal outlives
/// the process (so contenders a previous run wrote are found again), the snapshot interval, and the line
/// to the miners (null: over HTTP to their axons).
/// </summary>
internal sealed record ValidatorHosting(Config Akka, bool JournalOutlivesProcess, int SnapshotEvery, IMinerLine? Miners);
