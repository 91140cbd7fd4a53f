namespace Sn19.Actors.Crypto.Merlin;

using System.Text;

/// <summary>
/// The subset of STROBE v1.0.2 (security level 128, rate 166) that Merlin uses, byte for byte as the
/// merlin crate's <c>strobe.rs</c>: meta-AD, AD, PRF and KEY operations, no transport (T flag) operations.
/// </summary>
internal sealed class Strobe128
{
    // Rate R = 200 − 2·(128/8) − 2: the last two bytes of the rate hold padding.
    private const int Rate = 166;

    private const byte FlagI = 1;
    private const byte FlagA = 1 << 1;
    private const byte FlagC = 1 << 2;
    private const byte FlagT = 1 << 3;
    private const byte FlagM = 1 << 4;
    private const byte FlagK = 1 << 5;

    private readonly byte[] _state = new byte[KeccakF1600.StateBytes];
    private int _position;
    private int _positionBegin;
    private byte _currentFlags;

    public Strobe128(ReadOnlySpan<byte> protocolLabel)
    {
        // Domain header: [1, R + 2, 1, 0, 1, 96] ‖ "STROBEv1.0.2", then one permutation.
        ReadOnlySpan<byte> header = [1, Rate + 2, 1, 0, 1, 96];
        header.CopyTo(_state);
        Encoding.ASCII.GetBytes("STROBEv1.0.2", _state.AsSpan(6));
        KeccakF1600.Permute(_state);
        MetaAd(protocolLabel, more: false);
    }

    private Strobe128(Strobe128 other)
    {
        other._state.CopyTo(_state, 0);
        _position = other._position;
        _positionBegin = other._positionBegin;
        _currentFlags = other._currentFlags;
    }

    public Strobe128 Clone() => new(this);

    public void MetaAd(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagM | FlagA, more);
        Absorb(data);
    }

    public void Ad(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagA, more);
        Absorb(data);
    }

    public void Prf(Span<byte> output, bool more)
    {
        BeginOperation(FlagI | FlagA | FlagC, more);
        Squeeze(output);
    }

    public void Key(ReadOnlySpan<byte> data, bool more)
    {
        BeginOperation(FlagA | FlagC, more);
        Overwrite(data);
    }

    /// <summary>Wipes the sponge state; the instance must not be used afterwards.</summary>
    public void Clear() => Array.Clear(_state);

    private void RunF()
    {
        _state[_position] ^= (byte)_positionBegin;
        _state[_position + 1] ^= 0x04;
        _state[Rate + 1] ^= 0x80;
        KeccakF1600.Permute(_state);
        _position = 0;
        _positionBegin = 0;
    }

    private void Absorb(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _state[_position] ^= b;
            Advance();
        }
    }

    private void Overwrite(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _state[_position] = b;
            Advance();
        }
    }

    private void Squeeze(Span<byte> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = _state[_position];
            _state[_position] = 0;
            Advance();
        }
    }

    private void Advance()
    {
        _position++;
        if (_position == Rate)
        {
            RunF();
        }
    }

    private void BeginOperation(byte flags, bool more)
    {
        if (more)
        {
            // Continuing an operation: the flags must be those it began with.
            if (_currentFlags != flags)
            {
                throw new InvalidOperationException($"STROBE: continued operation {flags} after {_currentFlags}");
            }

            return;
        }

        if ((flags & FlagT) != 0)
        {
            throw new InvalidOperationException("STROBE: transport operations are not supported");
        }

        var oldBegin = _positionBegin;
        _positionBegin = _position + 1;
        _currentFlags = flags;
        Absorb([(byte)oldBegin, flags]);

        // Cipher and key operations start on a fresh block.
        if ((flags & (FlagC | FlagK)) != 0 && _position != 0)
        {
            RunF();
        }
    }
}
