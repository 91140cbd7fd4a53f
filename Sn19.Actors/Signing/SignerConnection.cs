namespace Sn19.Actors.Signing;

using System.Net.Sockets;
using System.Text.Json;

/// <summary>
/// One connection to the signer socket, shared by concurrent callers: each request holds the connection
/// for its round trip (a signature takes well under a millisecond, so one connection carries hundreds of
/// requests a second). A broken connection is dropped and the next request opens a new one. Transport
/// failures come back as <see cref="SignRefusal.Unavailable"/> responses, not exceptions.
/// </summary>
internal sealed class SignerConnection : IAsyncDisposable
{
    private readonly string _socketPath;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Socket? _socket;
    private NetworkStream? _stream;

    public SignerConnection(string socketPath, TimeSpan timeout)
    {
        _socketPath = socketPath;
        _timeout = timeout;
    }

    public async Task<SignerResponse> SendAsync(SignerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var reused = _stream is not null;
            var stream = _stream ?? await OpenAsync(deadline.Token);
            var (status, payload) = await RoundTripAsync(stream, request, deadline.Token);
            if (status != FrameRead.Ok && reused)
            {
                // The signer closes connections that sat idle (or made room for another client): a kept
                // connection that turns out closed is opened again once. Signing twice is harmless.
                Drop();
                (status, payload) = await RoundTripAsync(await OpenAsync(deadline.Token), request, deadline.Token);
            }

            if (status != FrameRead.Ok)
            {
                Drop();
                return SignerCore.Refuse(request.Id, SignRefusal.Unavailable, $"signer closed the connection ({status})");
            }

            var response = JsonSerializer.Deserialize(payload, SignerJsonContext.Default.SignerResponse);
            if (response is null || response.Id != request.Id)
            {
                Drop();
                return SignerCore.Refuse(request.Id, SignRefusal.Unavailable, "signer answered another request");
            }

            if (response.Error == RefusalCodes.ToCode(SignRefusal.TooLarge))
            {
                Drop();
            }

            return response;
        }
        catch (Exception e) when (e is SocketException or IOException or JsonException
                                   || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Drop();
            return SignerCore.Refuse(request.Id, SignRefusal.Unavailable, $"signer unreachable at {_socketPath}: {e.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Drop();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<(FrameRead Status, byte[] Payload)> RoundTripAsync(NetworkStream stream, SignerRequest request, CancellationToken deadline)
    {
        try
        {
            await SignerFraming.WriteAsync(stream, request, SignerJsonContext.Default.SignerRequest, deadline);
            return await SignerFraming.ReadAsync(stream, SignerFraming.DefaultMaxFrameBytes, deadline);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            // A write into a connection the signer already closed: the same as reading its end.
            return (FrameRead.EndOfStream, []);
        }
    }

    private async Task<NetworkStream> OpenAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        return _stream;
    }

    private void Drop()
    {
        _stream?.Dispose();
        _socket?.Dispose();
        _stream = null;
        _socket = null;
    }
}
