namespace Sn19.Benchmarks.Host.Organic;

using System.Runtime.CompilerServices;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Miner;

/// <summary>
/// A benchmark double for a miner's model: it answers at once with <paramref name="tokens"/> fixed tokens, so a
/// measurement sees only the HTTP, signing and gateway work around the answer, never inference.
/// </summary>
internal sealed class InstantMinerBackend(int tokens) : IMinerTextBackend
{
    private static readonly TokenAlternative[] Alternatives = [new(11, " b", -2.5)];

    public int? ContextLength => 4096;

    public async IAsyncEnumerable<GeneratedToken> GenerateAsync(TextRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        var count = Math.Min(tokens, request.MaxTokens);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new GeneratedToken(new StreamedToken(10 + i, " a", -0.1, Alternatives), i == count - 1 ? "length" : null, PromptTokens: 12);
        }
    }
}
