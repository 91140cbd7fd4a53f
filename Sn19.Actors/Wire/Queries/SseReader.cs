namespace Sn19.Actors.Wire.Queries;

using System.Buffers;
using System.Text;

/// <summary>
/// Reads the <c>data:</c> payloads of a server-sent-event stream, one event at a time, with a cap on the
/// length of a line so a hostile server cannot make the reader buffer without bound.
/// </summary>
public sealed class SseReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public SseReader(Stream stream, int maxLineBytes = 256 * 1024)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(maxLineBytes + 2);
    }

    /// <summary>
    /// The next event's data (several <c>data:</c> lines joined by newlines), or null at the end of the
    /// stream. Comment lines and other fields are skipped.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is longer than the cap.</exception>
    public async ValueTask<string?> ReadEventAsync(CancellationToken cancellationToken)
    {
        StringBuilder? data = null;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return data?.ToString();
            }

            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return data.ToString();
                }

                continue;
            }

            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                var value = line.AsSpan(5);
                if (value.Length > 0 && value[0] == ' ')
                {
                    value = value[1..];
                }

                if (data is null)
                {
                    data = new StringBuilder().Append(value);
                }
                else
                {
                    data.Append('\n').Append(value);
                }
            }
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r')
                {
                    length--;
                }

                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    return null;
                }

                var rest = Encoding.UTF8.GetString(_buffer, _start, _end - _start);
                _start = _end;
                return rest;
            }

            if (_end - _start >= _maxLineBytes)
            {
                throw new InvalidDataException($"an event-stream line is longer than {_maxLineBytes} bytes");
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end, Math.Min(_buffer.Length, _maxLineBytes + 2) - _end), cancellationToken);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }
    }
}
