namespace Sn19.Actors.Subnet.Tasks;

/// <summary>
/// A task as the subnet uses it. <see cref="Weight"/> is normalised over the enabled tasks (0 when
/// disabled); <see cref="RawWeight"/> is what the configuration said.
/// </summary>
public sealed record TaskDefinition(
    string Id,
    TaskKind Kind,
    string Model,
    string Endpoint,
    double MaxCapacity,
    double RawWeight,
    double Weight,
    double VolumePerRequest,
    TimeSpan Timeout,
    bool Stream,
    bool Enabled)
{
    /// <summary>Whether the LLM check holds this task's answers to the exact-match distances (tolerant when false).</summary>
    public bool ExactModelMatch { get; init; }

    /// <summary>Avatar results are judged on likeness, so their quality is not squared below 0.85.</summary>
    public bool QualitySquareExempt => Kind == TaskKind.Avatar;
}
