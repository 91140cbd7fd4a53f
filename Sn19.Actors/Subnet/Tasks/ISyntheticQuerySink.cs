namespace Sn19.Actors.Subnet.Tasks;

/// <summary>Where a task actor hands its due synthetic queries (the query dispatcher in a validator).</summary>
public interface ISyntheticQuerySink
{
    /// <summary>Accepts the request without waiting for the miner; false when it cannot (then the slot is lost).</summary>
    bool Submit(SyntheticQueryRequest request);
}
