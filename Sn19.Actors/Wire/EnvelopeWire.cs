namespace Sn19.Actors.Wire;

using System.Net.Http.Headers;
using Sn19.Actors.Signing;

/// <summary>Sn19's wire: JSON to <c>/v1/...</c>, stamped with the signed envelope (<see cref="RequestEnvelopeSigning"/>).</summary>
public sealed class EnvelopeWire(IHotkeySigner signer, TimeProvider time) : IMinerWire
{
    public async Task<PreparedRequest> PrepareAsync(Uri axon, string minerHotkey, MinerOperation operation, byte[] json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(axon);
        var path = operation switch
        {
            MinerOperation.Capacity => "v1/capacity",
            MinerOperation.Chat => "v1/chat/completions",
            _ => "v1/completions",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(axon, path)) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var signed = await RequestEnvelopeSigning.SignAsync(request, minerHotkey, signer, time, cancellationToken);
        if (signed.IsSigned)
        {
            return new PreparedRequest(request, false, null);
        }

        request.Dispose();
        return PreparedRequest.Failed($"not signed: {signed.Message}");
    }

    public void Refused(string minerHotkey, int status)
    {
        // The envelope holds no per-miner state.
    }
}
