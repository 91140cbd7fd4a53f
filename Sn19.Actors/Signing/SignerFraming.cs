namespace Sn19.Actors.Signing;

using System.Buffers.Binary;
using System.Text.Json;

/// <summary>
/// Frames on the signer socket: a 4-byte big-endian length, then that many bytes of UTF-8 JSON.
/// A reader refuses a declared length above its cap before reading (or allocating) the payload.
/// </summary>
internal static class SignerFraming
{
    /// <summary>Default cap: a weights request for 4096 uids is about 60 KB of JSON.</summary>
    public const int DefaultMaxFrameBytes = 128 * 1024;

    public static async Task WriteAsync<T>(Stream stream, T message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, type);
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        await stream.WriteAsync(frame, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>The next frame's payload; <see cref="FrameRead.EndOfStream"/> at a clean end between frames.</summary>
    public static async Task<(FrameRead Status, byte[] Payload)> ReadAsync(Stream stream, int maxFrameBytes, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var got = await ReadFullyAsync(stream, header, cancellationToken);
        if (got == 0)
        {
            return (FrameRead.EndOfStream, []);
        }

        if (got < header.Length)
        {
            return (FrameRead.Truncated, []);
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length < 0 || length > maxFrameBytes)
        {
            return (FrameRead.TooLarge, []);
        }

        var payload = new byte[length];
        return await ReadFullyAsync(stream, payload, cancellationToken) == length
            ? (FrameRead.Ok, payload)
            : (FrameRead.Truncated, []);
    }

    private static async Task<int> ReadFullyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
