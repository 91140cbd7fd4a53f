namespace Sn19.Actors.Chain.Subtensor.Scale;

/// <summary>SCALE bytes that do not decode as the expected type: the message says what and at which offset.</summary>
public sealed class ScaleFormatException(string message, int offset) : Exception($"{message} (at byte {offset})")
{
    public int Offset { get; } = offset;
}
