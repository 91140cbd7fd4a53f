namespace Sn19.Tests.Actors.Signing;

using Sn19.Actors.Signing;

public sealed class SignerFramingTests
{
    [Fact]
    public async Task WriteThenRead_RoundTripsRequest()
    {
        using var stream = new MemoryStream();
        var request = new SignerRequest { Id = 42, Client = "c", Kind = SignKinds.Weights, Uids = [1, 2], Values = [3, 4], VersionKey = 5 };
        await SignerFraming.WriteAsync(stream, request, SignerJsonContext.Default.SignerRequest, CancellationToken.None);
        stream.Position = 0;

        var (status, payload) = await SignerFraming.ReadAsync(stream, 1024, CancellationToken.None);
        Assert.Equal(FrameRead.Ok, status);
        var back = System.Text.Json.JsonSerializer.Deserialize(payload, SignerJsonContext.Default.SignerRequest)!;
        Assert.Equal(42, back.Id);
        Assert.Equal([1, 2], back.Uids!);
        Assert.Equal(5UL, back.VersionKey);
        Assert.Equal(FrameRead.EndOfStream, (await SignerFraming.ReadAsync(stream, 1024, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Read_DeclaredLengthOverCap_TooLargeWithoutReadingPayload()
    {
        using var stream = new MemoryStream([0x00, 0x10, 0x00, 0x00, 1, 2, 3]);
        var (status, _) = await SignerFraming.ReadAsync(stream, 1024, CancellationToken.None);
        Assert.Equal(FrameRead.TooLarge, status);
        Assert.Equal(4, stream.Position);
    }

    [Fact]
    public async Task Read_CutShort_Truncated()
    {
        using var stream = new MemoryStream([0x00, 0x00, 0x00, 0x09, 1, 2]);
        Assert.Equal(FrameRead.Truncated, (await SignerFraming.ReadAsync(stream, 1024, CancellationToken.None)).Status);
    }

    [Fact]
    public void Request_UnknownJsonField_Rejected() =>
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(
            """{"id":1,"kind":"weights","message":"raw bytes"}""", SignerJsonContext.Default.SignerRequest));
}
