namespace Sn19.Host.Signer;

using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Signing;

/// <summary>
/// Serves <see cref="SignerCore"/> on a listening Unix socket: one task per connection, requests on a
/// connection answered in order, at most <see cref="SignerServerLimits.MaxConnections"/> at once.
/// A frame over the size cap is answered <c>too-large</c> and the connection closed, since its payload is
/// never read; a frame that is not a request is answered <c>malformed</c> and the connection closed.
/// No client can hold a slot for nothing: a connection idle past the idle timeout is closed, a frame
/// that has begun must arrive (and its answer be taken) within the frame timeout, and when every slot is
/// in use a new client takes the place of the connection idle the longest.
/// </summary>
internal sealed class SignerServer
{
    private readonly SignerCore _core;
    private readonly SignerServerLimits _limits;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<SignerServerConnection, byte> _live = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SignerServer(SignerCore core, SignerServerLimits limits, TimeProvider time, ILogger logger)
    {
        _core = core;
        _limits = limits;
        _slots = new SemaphoreSlim(limits.MaxConnections, limits.MaxConnections);
        _time = time;
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

                if (!await TakeSlotAsync(cancellationToken))
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

    /// <summary>A free slot; when there is none, the longest-idle connection is closed to free one, and a
    /// connection in the middle of a frame frees its slot within the frame timeout at the latest.</summary>
    private async Task<bool> TakeSlotAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0))
        {
            return true;
        }

        var idlest = _live.Keys.Where(c => c.IdleSince >= 0).MinBy(c => c.IdleSince);
        if (idlest is not null && idlest.TryEvict())
        {
            SignerServerLog.Dropped(_logger, "idle connection closed to make room for a new client");
        }

        try
        {
            // A connection mid-frame gives its slot back within the frame timeout of the frame's start, which
            // is already past; half as long again covers the scheduling between the two.
            return await _slots.WaitAsync(_limits.FrameTimeout * 1.5, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        using var connection = new SignerServerConnection();
        _live[connection] = 0;
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            var peek = new byte[1];
            while (true)
            {
                connection.MarkIdle(_time.GetTimestamp());
                using (var idle = Deadline(_limits.IdleTimeout, cancellationToken, connection.Evicted))
                {
                    if (await socket.ReceiveAsync(peek, SocketFlags.Peek, idle.Token) == 0)
                    {
                        return;
                    }
                }

                connection.MarkBusy();
                using var frame = Deadline(_limits.FrameTimeout, cancellationToken, connection.Evicted);
                if (!await ServeFrameAsync(stream, frame.Token))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SignerServerLog.Dropped(_logger, connection.IdleSince >= 0 || connection.Evicted.IsCancellationRequested
                ? "idle connection closed"
                : $"frame not received within {_limits.FrameTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            // A client that goes away mid-frame, or shutdown: nothing to answer.
        }
        finally
        {
            _live.TryRemove(connection, out _);
            _slots.Release();
        }
    }

    /// <summary>Reads one frame and answers it; false when the connection is to be closed.</summary>
    private async Task<bool> ServeFrameAsync(NetworkStream stream, CancellationToken deadline)
    {
        var (status, payload) = await SignerFraming.ReadAsync(stream, _limits.MaxFrameBytes, deadline);
        if (status == FrameRead.EndOfStream)
        {
            return false;
        }

        if (status == FrameRead.TooLarge)
        {
            SignerServerLog.Dropped(_logger, $"frame larger than {_limits.MaxFrameBytes} bytes");
            await SignerFraming.WriteAsync(stream, SignerCore.Refuse(0, SignRefusal.TooLarge, $"request frames are at most {_limits.MaxFrameBytes} bytes"), SignerJsonContext.Default.SignerResponse, deadline);
            return false;
        }

        if (status != FrameRead.Ok)
        {
            SignerServerLog.Dropped(_logger, "truncated frame");
            return false;
        }

        SignerRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(payload, SignerJsonContext.Default.SignerRequest);
        }
        catch (JsonException e)
        {
            SignerServerLog.Dropped(_logger, "malformed request: " + e.Message);
            await SignerFraming.WriteAsync(stream, SignerCore.Refuse(0, SignRefusal.Malformed, "the frame is not a signer request"), SignerJsonContext.Default.SignerResponse, deadline);
            return false;
        }

        var response = request is null
            ? SignerCore.Refuse(0, SignRefusal.Malformed, "empty request")
            : _core.Handle(request);
        await SignerFraming.WriteAsync(stream, response, SignerJsonContext.Default.SignerResponse, deadline);
        return true;
    }

    private CancellationTokenSource Deadline(TimeSpan after, CancellationToken stopping, CancellationToken evicted)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping, evicted);
        deadline.CancelAfter(after);
        return deadline;
    }
}
