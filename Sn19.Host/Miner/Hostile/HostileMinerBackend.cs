namespace Sn19.Host.Miner.Hostile;

using System.Runtime.CompilerServices;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// A cheating miner around an honest backend (<see cref="HostileKind"/>; the forger is <see cref="ForgerMinerBackend"/>).
/// Its randomness is seeded, so a test or benchmark replays the same cheat.
/// </summary>
internal sealed class HostileMinerBackend(IMinerTextBackend honest, HostileSetting setting, int seed = 19) : IMinerTextBackend
{
    private readonly Random _random = new(seed);
    private readonly object _gate = new();
    private IReadOnlyList<GeneratedToken>? _recorded;

    public int? ContextLength => honest.ContextLength;

    public IAsyncEnumerable<GeneratedToken> GenerateAsync(TextRequest request, CancellationToken cancellationToken) => setting.Kind switch
    {
        HostileKind.EarlyEos => StopEarlyAsync(request, finish: "stop", cancellationToken),
        HostileKind.Truncated => StopEarlyAsync(request, finish: null, cancellationToken),
        HostileKind.Replay => ReplayAsync(request, cancellationToken),
        HostileKind.LogprobNoise => NoisyAsync(request, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(request), setting.Kind, "this kind has its own backend"),
    };

    /// <summary>Honest tokens up to a share of max_tokens; then the last one claims <paramref name="finish"/> (null: the
    /// stream just ends). An answer the model ends sooner on its own is left as it is.</summary>
    private async IAsyncEnumerable<GeneratedToken> StopEarlyAsync(
        TextRequest request, string? finish, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keep = Math.Max(1, (int)(request.MaxTokens * setting.Amount));
        var count = 0;
        await foreach (var token in honest.GenerateAsync(request, cancellationToken))
        {
            if (++count >= keep && token.FinishReason is null)
            {
                yield return token with { FinishReason = finish };
                yield break;
            }

            yield return token;
        }
    }

    /// <summary>The first answer is generated and kept; every later request gets it again, cut to its max_tokens.</summary>
    private async IAsyncEnumerable<GeneratedToken> ReplayAsync(TextRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<GeneratedToken>? recorded;
        lock (_gate)
        {
            recorded = _recorded;
        }

        if (recorded is null)
        {
            var fresh = new List<GeneratedToken>();
            await foreach (var token in honest.GenerateAsync(request, cancellationToken))
            {
                fresh.Add(token);
                yield return token;
            }

            lock (_gate)
            {
                _recorded ??= fresh;
            }

            yield break;
        }

        var count = Math.Min(recorded.Count, request.MaxTokens);
        for (var i = 0; i < count; i++)
        {
            yield return i == count - 1 && recorded[i].FinishReason is null ? recorded[i] with { FinishReason = "length" } : recorded[i];
        }
    }

    /// <summary>The honest tokens, each log-probability moved by Gaussian noise of the set sigma (kept at or below 0).</summary>
    private async IAsyncEnumerable<GeneratedToken> NoisyAsync(TextRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var token in honest.GenerateAsync(request, cancellationToken))
        {
            double noise;
            lock (_gate)
            {
                // Box–Muller: two uniforms give one standard normal.
                noise = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
            }

            yield return token with { Token = token.Token with { Logprob = Math.Min(0, token.Token.Logprob + (setting.Amount * noise)) } };
        }
    }
}
