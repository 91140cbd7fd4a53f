namespace Sn19.Actors.Subnet.Validation;

using Akka.Configuration;
using Sn19.Actors.Cluster;

/// <summary>
/// Where a validator node runs: its Akka configuration (journal, scheduler), whether the journal outlives
/// the process (so contenders a previous run wrote are found again), the snapshot interval, the line to the
/// miners (null: over HTTP to their axons), and its cluster (null: a plain actor system, as
/// <c>sn19 simulate</c> runs on virtual time, where a cluster's heartbeats would have to be driven too).
/// </summary>
internal sealed record ValidatorHosting(Config Akka, bool JournalOutlivesProcess, int SnapshotEvery, IMinerLine? Miners, ClusterOptions? Cluster = null);
