namespace Sn19.Actors.Wire.Queries;

/// <summary>Adds the signed envelope headers to an outgoing validator→miner request.</summary>
public interface IRequestSigner
{
    Task SignAsync(HttpRequestMessage request, string minerHotkey, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
