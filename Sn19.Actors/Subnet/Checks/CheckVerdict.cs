namespace Sn19.Actors.Subnet.Checks;

/// <summary>The outcome of a check: a quality in [0, 1], or no verdict (checker busy, model missing) with the reason.</summary>
public sealed record CheckVerdict(bool Checked, double Quality, string? Reason)
{
    public static CheckVerdict Scored(double quality) => new(true, Math.Clamp(quality, 0, 1), null);

    public static CheckVerdict NotChecked(string reason) => new(false, 0, reason);
}
