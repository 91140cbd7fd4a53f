namespace Sn19.Inference.Scoring;

using Sn19.Inference.Kernels;
using Sn19.Inference.Sampling;

/// <summary>
/// Turns logits rows into <see cref="PositionScore"/>s on the model's workers, one distribution per
/// worker: each row is a whole-vocabulary pass (softmax, rank, top-N), ~30 µs on the 32,000-token
/// vocabulary, a few milliseconds for a 256-token answer that one core spent while the other waited.
/// </summary>
internal sealed class PositionScoring : IRowOperation, IDisposable
{
    private readonly TokenDistribution[] _distributions;
    private readonly TokenLogProb[][] _tops;
    private readonly int _vocab;
    private readonly SamplingParameters _parameters;
    private readonly int _eosToken;
    private float[] _logits = [];
    private int[] _actual = [];
    private int _firstPosition;
    private PositionScore[] _results = [];
    private int _resultOffset;

    /// <summary>One pooled distribution per worker (<see cref="TokenDistributionPool"/>), returned by <see cref="Dispose"/>.</summary>
    public PositionScoring(int workers, int vocab, SamplingParameters parameters, int topCount, int eosToken)
    {
        _vocab = vocab;
        _parameters = parameters;
        _eosToken = eosToken;
        _distributions = new TokenDistribution[workers];
        _tops = new TokenLogProb[workers][];
        for (var i = 0; i < workers; i++)
        {
            _distributions[i] = TokenDistributionPool.Rent(vocab);
            _tops[i] = new TokenLogProb[Math.Max(0, topCount)];
        }
    }

    /// <summary>
    /// Sets the batch: logits row r predicts the token at <paramref name="firstPosition"/> + r of
    /// <paramref name="tokens"/>; its score goes to <paramref name="results"/>[<paramref name="resultOffset"/> + r].
    /// </summary>
    public void Set(float[] logits, int[] tokens, int firstPosition, PositionScore[] results, int resultOffset)
    {
        _logits = logits;
        _actual = tokens;
        _firstPosition = firstPosition;
        _results = results;
        _resultOffset = resultOffset;
    }

    public void Rows(int start, int end, int worker)
    {
        var distribution = _distributions[worker];
        var top = _tops[worker];
        for (var row = start; row < end; row++)
        {
            var position = _firstPosition + row;
            var actual = _actual[position];
            distribution.Prepare(_logits.AsSpan(checked(row * _vocab), _vocab), _parameters);
            var count = distribution.Top(top);
            var eos = _eosToken >= 0 && _eosToken < _vocab ? distribution.LogProb(_eosToken) : float.NaN;
            _results[_resultOffset + row] = new PositionScore(position, actual, distribution.LogProb(actual), distribution.Rank(actual), eos, top[..count].ToArray());
        }
    }

    public void Dispose()
    {
        for (var i = 0; i < _distributions.Length; i++)
        {
            if (_distributions[i] is { } distribution)
            {
                TokenDistributionPool.Return(distribution);
                _distributions[i] = null!;
            }
        }
    }
}
