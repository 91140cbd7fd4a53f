namespace Sn19.Tests.Actors.Wire.Queries;

using Sn19.Actors.Wire.Queries;

/// <summary>Test double: adds no envelope (the scripted server checks none). Envelope tests use the real signer.</summary>
internal sealed class UnsignedRequestSigner : IRequestSigner
{
    public int Signed { get; private set; }

    public Task SignAsync(HttpRequestMessage request, string minerHotkey, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        Signed++;
        return Task.CompletedTask;
    }
}
