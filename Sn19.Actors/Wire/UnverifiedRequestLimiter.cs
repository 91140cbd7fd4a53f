namespace Sn19.Actors.Wire;

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

/// <summary>
/// Counts, per claimed validator hotkey, the requests whose body is still arriving and whose signature is
/// not checked yet. Only hotkeys that passed the header checks (registered, with stake) get here, so the
/// table is as small as the validator set; a slot is given back as soon as the signature is checked.
/// </summary>
public sealed class UnverifiedRequestLimiter(int perValidator)
{
    private readonly ConcurrentDictionary<string, StrongBox<int>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>A slot for <paramref name="validator"/>, or null when it already holds all of its own.</summary>
    public UnverifiedSlot? TryEnter(string validator)
    {
        var count = _inFlight.GetOrAdd(validator, static _ => new StrongBox<int>());
        if (Interlocked.Increment(ref count.Value) > perValidator)
        {
            Interlocked.Decrement(ref count.Value);
            return null;
        }

        return new UnverifiedSlot(count);
    }

    /// <summary>Requests of <paramref name="validator"/> holding a slot now.</summary>
    public int InFlight(string validator) => _inFlight.TryGetValue(validator, out var count) ? Volatile.Read(ref count.Value) : 0;
}
