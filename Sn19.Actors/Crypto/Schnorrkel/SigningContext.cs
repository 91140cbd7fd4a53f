namespace Sn19.Actors.Crypto.Schnorrkel;

using Sn19.Actors.Crypto.Merlin;

/// <summary>
/// schnorrkel's <c>signing_context(ctx).bytes(msg)</c>: a transcript labelled "SigningContext" with the
/// context appended under the empty label, then the message under "sign-bytes".
/// </summary>
internal static class SigningContext
{
    /// <summary>Substrate's <c>SIGNING_CTX</c>.</summary>
    public static ReadOnlySpan<byte> Substrate => "substrate"u8;

    public static MerlinTranscript ForMessage(ReadOnlySpan<byte> context, ReadOnlySpan<byte> message)
    {
        var t = new MerlinTranscript("SigningContext"u8);
        t.AppendMessage(ReadOnlySpan<byte>.Empty, context);
        t.AppendMessage("sign-bytes"u8, message);
        return t;
    }
}
