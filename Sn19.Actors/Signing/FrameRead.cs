namespace Sn19.Actors.Signing;

internal enum FrameRead
{
    Ok = 0,
    EndOfStream,
    Truncated,
    TooLarge,
}
