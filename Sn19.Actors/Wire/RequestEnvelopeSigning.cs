namespace Sn19.Actors.Wire;

using Sn19.Actors.Signing;

/// <summary>The validator side of the envelope: stamps an outgoing request with the four signed headers.</summary>
public static class RequestEnvelopeSigning
{
    /// <summary>
    /// Buffers the request's content, hashes it, has <paramref name="signer"/> sign the envelope for
    /// <paramref name="minerHotkey"/> and sets the headers. The request is left unchanged when the signer refuses.
    /// </summary>
    public static async Task<SignOutcome> SignAsync(
        HttpRequestMessage request,
        string minerHotkey,
        IHotkeySigner signer,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signer);
        byte[] body = [];
        if (request.Content is { } content)
        {
            // Buffering makes the bytes hashed here the bytes sent, even for stream content.
            await content.LoadIntoBufferAsync(cancellationToken);
            body = await content.ReadAsByteArrayAsync(cancellationToken);
        }

        var nonce = WireNonce.Create(time);
        var outcome = await signer.SignEnvelopeAsync(
            new EnvelopeToSign(nonce, minerHotkey, EnvelopeMessage.HashBody(body)), cancellationToken);
        if (!outcome.IsSigned)
        {
            return outcome;
        }

        var headers = request.Headers;
        headers.Remove(WireHeaders.ValidatorHotkey);
        headers.Remove(WireHeaders.MinerHotkey);
        headers.Remove(WireHeaders.Nonce);
        headers.Remove(WireHeaders.Signature);
        headers.TryAddWithoutValidation(WireHeaders.ValidatorHotkey, outcome.SignerAddress);
        headers.TryAddWithoutValidation(WireHeaders.MinerHotkey, minerHotkey);
        headers.TryAddWithoutValidation(WireHeaders.Nonce, nonce);
        headers.TryAddWithoutValidation(WireHeaders.Signature, SignatureHex.Format(outcome.Signature.Span));
        return outcome;
    }
}
