namespace Sn19.Host.Signer;

/// <summary>What one client connection may hold of the signer: frame size, slots and time.</summary>
/// <param name="MaxFrameBytes">Largest request frame; a larger one is answered too-large and the connection closed.</param>
/// <param name="MaxConnections">Connections served at once.</param>
/// <param name="IdleTimeout">Longest wait for the first byte of the next frame before the connection is closed.</param>
/// <param name="FrameTimeout">Longest a frame may take to arrive once its first byte has, and its answer to be written.</param>
internal sealed record SignerServerLimits(int MaxFrameBytes, int MaxConnections, TimeSpan IdleTimeout, TimeSpan FrameTimeout)
{
    public static SignerServerLimits From(SignerOptions options) =>
        new(options.MaxRequestBytes, options.MaxConnections, options.IdleTimeout, options.FrameTimeout);
}
