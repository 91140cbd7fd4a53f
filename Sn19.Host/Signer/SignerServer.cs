namespace Sn19.Host.Signer;

using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Signing;

/// <summary>
/// Serves <see cref="SignerCore"/> on a listening Unix socket: one task per connection, requests on a
/// connection answered in order, at most <c>maxConnections</c> connections (more are closed on accept).
/// A frame over the size cap is answered <c>too-large</c> and the connection closed, since its payload is
/// never read; a frame that is not a request is answered <c>malformed</c> and the connection closed.
/// </summary>
internal sealed class SignerServer
{
    private readonly SignerCore _core;
    private readonly int _maxFrameBytes;
    private readonly SemaphoreSlim _slots;
    private readonly ILogger _logger;

    public SignerServer(SignerCore core, int maxFrameBytes, int maxConnections, ILogger logger)
    {
        _core = core;
        _maxFrameBytes = maxFrameBytes;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
        _logger = logger;
    }

    public async Task RunAsync(Socket listener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var connections = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket accepted;
                try
                {
                    accepted = await listener.AcceptAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (SocketException e)
                {
                    // Out of descriptors and the like: keep serving the clients already connected and retry.
                    SignerServerLog.Dropped(_logger, "accept failed: " + e.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }

                if (!_slots.Wait(0))
                {
                    SignerServerLog.TooManyConnections(_logger);
                    accepted.Dispose();
                    continue;
                }

                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(ServeAsync(accepted, cancellationToken));
            }
        }
        finally
        {
            await Task.WhenAll(connections);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            while (true)
            {
                var (status, payload) = await SignerFraming.ReadAsync(stream, _maxFrameBytes, cancellationToken);
                if (status == FrameRead.EndOfStream)
                {
                    return;
                }

                if (status == FrameRead.TooLarge)
                {
                    SignerServerLog.Dropped(_logger, $"frame larger than {_maxFrameBytes} bytes");
                    await SignerFraming.WriteAsync(stream, SignerCore.Refuse(0, SignRefusal.TooLarge, $"request frames are at most {_maxFrameBytes} bytes"), SignerJsonContext.Default.SignerResponse, cancellationToken);
                    return;
                }

                if (status != FrameRead.Ok)
                {
                    SignerServerLog.Dropped(_logger, "truncated frame");
                    return;
                }

                SignerRequest? request;
                try
                {
                    request = JsonSerializer.Deserialize(payload, SignerJsonContext.Default.SignerRequest);
                }
                catch (JsonException e)
                {
                    SignerServerLog.Dropped(_logger, "malformed request: " + e.Message);
                    await SignerFraming.WriteAsync(stream, SignerCore.Refuse(0, SignRefusal.Malformed, "the frame is not a signer request"), SignerJsonContext.Default.SignerResponse, cancellationToken);
                    return;
                }

                var response = request is null
                    ? SignerCore.Refuse(0, SignRefusal.Malformed, "empty request")
                    : _core.Handle(request);
                await SignerFraming.WriteAsync(stream, response, SignerJsonContext.Default.SignerResponse, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // A client that goes away mid-frame, or shutdown: nothing to answer.
        }
        finally
        {
            _slots.Release();
        }
    }
}
