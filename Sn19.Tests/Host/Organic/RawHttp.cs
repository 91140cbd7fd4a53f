namespace Sn19.Tests.Host.Organic;

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// HTTP/1.1 over a bare socket, so a test can send what no HTTP client would: broken framing, invalid header
/// bytes, lies in Content-Length, and bodies trickled in slowly. Returns the response's status code, or null
/// when the server closed the connection without one.
/// </summary>
internal static class RawHttp
{
    public static byte[] Request(string method, string path, IEnumerable<string> headers, byte[] body, bool contentLength = true)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        if (contentLength)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        // Latin-1 keeps every char of a header as one byte, so a test can put any byte into a header.
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }

    /// <summary>Sends <paramref name="request"/> (in pieces of <paramref name="piece"/> bytes with <paramref name="pause"/>
    /// between them, when given) and reads the status line.</summary>
    public static async Task<int?> SendAsync(IPEndPoint server, byte[] request, TimeSpan timeout, int piece = 0, TimeSpan pause = default)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(server, deadline.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var sending = WriteAsync(stream, request, piece, pause, deadline.Token);
            var status = await ReadStatusAsync(stream, deadline.Token);
            try
            {
                await sending;
            }
            catch (Exception error) when (error is IOException or OperationCanceledException or SocketException)
            {
                // The server answered (or hung up) before the whole request was written: that is its right.
            }

            return status;
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or SocketException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(Stream stream, byte[] request, int piece, TimeSpan pause, CancellationToken cancellationToken)
    {
        if (piece <= 0)
        {
            await stream.WriteAsync(request, cancellationToken);
            return;
        }

        for (var offset = 0; offset < request.Length; offset += piece)
        {
            await stream.WriteAsync(request.AsMemory(offset, Math.Min(piece, request.Length - offset)), cancellationToken);
            await Task.Delay(pause, cancellationToken);
        }
    }

    private static async Task<int?> ReadStatusAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        var filled = 0;
        while (filled < 12)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            filled += read;
        }

        // "HTTP/1.1 400 ..."
        return int.TryParse(Encoding.ASCII.GetString(buffer, 9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : null;
    }
}
