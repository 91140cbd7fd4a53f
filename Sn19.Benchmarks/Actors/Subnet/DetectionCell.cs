namespace Sn19.Benchmarks.Actors.Subnet;

using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>The checks of one row of the detection report: one payload kind at one temperature.</summary>
internal sealed class DetectionCell(TextRequestKind kind, double temperature)
{
    public TextRequestKind Kind { get; } = kind;

    public double Temperature { get; } = temperature;

    public List<LlmCheckResult> Honest { get; } = [];

    public List<LlmCheckResult> Impostor { get; } = [];

    /// <summary>Synthetic prompts drawn again because prompt and answer would not fit the context.</summary>
    public int SkippedPrompts { get; set; }

    public bool Holds => Honest.Min(r => r.Quality) >= 0.95 && Impostor.Max(r => r.Quality) <= 0.1;
}
