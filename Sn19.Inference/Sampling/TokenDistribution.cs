namespace Sn19.Inference.Sampling;

using System.Runtime.CompilerServices;

/// <summary>
/// The next-token distribution with vLLM's (V0 sampler) log-probability semantics, reused for every
/// token and every scored position (all buffers sized to the vocabulary once):
/// <list type="number">
/// <item>greedy (temperature &lt; 1e-5): temperature 1, no top-k/top-p; log-probabilities are the raw
/// log_softmax(logits) and the choice is the arg-max;</item>
/// <item>otherwise z = logits / temperature, top-k keeps z ≥ the k-th largest z, then top-p drops, from the
/// least likely upwards, tokens whose ascending cumulative probability (softmax over the kept set) is
/// ≤ 1 − p, never the most likely one;</item>
/// <item>reported log-probabilities are log_softmax over the kept set only (renormalised after top-k
/// and top-p, as vLLM computes them from the masked logits); a token outside it has −∞.</item>
/// </list>
/// Rank is vLLM's: 1 + the number of tokens with a strictly larger processed log-probability, so a
/// token outside the kept set ranks kept + 1. Ties are broken by lower token id where an order is needed.
/// </summary>
internal sealed class TokenDistribution
{
    private const int HeapTopKLimit = 256;

    private readonly float[] _z;
    private readonly float[] _select;
    private readonly float[] _heap = new float[HeapTopKLimit];
    private readonly int[] _kept;
    private readonly int[] _stamps;
    private readonly Comparison<int> _descending;
    private readonly int _vocab;
    private int[] _topIds = new int[20];
    private int _stamp;
    private int _keptCount;
    private bool _all;
    private bool _keptIsIdentity;
    private bool _sorted;
    private double _logZ;
    private double _weightSum;
    private float _top;
    private bool _weighted;

    public TokenDistribution(int vocabSize)
    {
        _vocab = vocabSize;
        _z = new float[vocabSize];
        _select = new float[vocabSize];
        _kept = new int[vocabSize];
        _stamps = new int[vocabSize];

        // One delegate for the sampler's lifetime: sorting with a struct IComparer boxes it and builds a
        // delegate on every call, which would allocate per token.
        _descending = (x, y) =>
        {
            var byValue = _z[y].CompareTo(_z[x]);
            return byValue != 0 ? byValue : x.CompareTo(y);
        };
    }

    public int KeptCount => _keptCount;

    public int VocabSize => _vocab;

    /// <summary>Builds the distribution of one logits row under <paramref name="parameters"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Prepare(ReadOnlySpan<float> logits, SamplingParameters parameters)
    {
        if (logits.Length != _vocab)
        {
            throw new ArgumentException($"Expected {_vocab} logits; got {logits.Length}.", nameof(logits));
        }

        var greedy = parameters.IsGreedy;
        var temperature = greedy ? 1f : parameters.Temperature;
        var topK = greedy || parameters.TopK <= 0 || parameters.TopK >= _vocab ? 0 : parameters.TopK;
        var topP = greedy ? 1f : parameters.TopP;
        System.Numerics.Tensors.TensorPrimitives.Divide(logits, temperature, _z);
        _stamp++;
        _sorted = false;
        _weighted = false;
        if (topK == 0 && topP >= 1f)
        {
            PrepareWholeVocabulary();
            return;
        }

        _all = false;
        if (topK > 0)
        {
            var threshold = topK <= HeapTopKLimit ? VocabScan.KthLargest(_z, topK, _heap) : SelectFromCopy(_vocab - topK);
            _keptCount = VocabScan.IndicesAtLeast(_z, threshold, _kept);
            _keptIsIdentity = false;
        }
        else
        {
            UseIdentityKept();
        }

        if (topP < 1f)
        {
            SortKept();
            var max = (double)_z[_kept[0]];
            var total = 0.0;
            for (var i = 0; i < _keptCount; i++)
            {
                total += Math.Exp(_z[_kept[i]] - max);
            }

            var cumulative = 0.0;
            var drop = 1.0 - topP;
            while (_keptCount > 1)
            {
                cumulative += Math.Exp(_z[_kept[_keptCount - 1]] - max) / total;
                if (cumulative > drop)
                {
                    break;
                }

                _keptCount--;
            }

            _all = _keptCount == _vocab;
        }

        var top = float.NegativeInfinity;
        for (var i = 0; i < _keptCount; i++)
        {
            top = MathF.Max(top, _z[_kept[i]]);
            _stamps[_kept[i]] = _stamp;
        }

        var sum = 0.0;
        for (var i = 0; i < _keptCount; i++)
        {
            sum += Math.Exp(_z[_kept[i]] - (double)top);
        }

        _logZ = top + Math.Log(sum);
    }

    /// <summary>
    /// No cut (greedy, scoring, or sampling without top-k/top-p): every token is kept, so nothing is stamped,
    /// and exp(z − max) is kept per token (vectorised, summed in double) for <see cref="Sample"/>.
    /// </summary>
    private void PrepareWholeVocabulary()
    {
        _all = true;
        UseIdentityKept();
        var top = System.Numerics.Tensors.TensorPrimitives.Max(_z);
        System.Numerics.Tensors.TensorPrimitives.Subtract(_z, top, _select);
        System.Numerics.Tensors.TensorPrimitives.Exp(_select, _select);
        _weightSum = VocabScan.SumAsDouble(_select);
        _weighted = true;
        _top = top;
        _logZ = top + Math.Log(_weightSum);
    }

    private void UseIdentityKept()
    {
        _keptCount = _vocab;
        if (!_keptIsIdentity)
        {
            for (var i = 0; i < _vocab; i++)
            {
                _kept[i] = i;
            }

            _keptIsIdentity = true;
        }
    }

    private float SelectFromCopy(int k)
    {
        _z.CopyTo(_select, 0);
        return Select(_select, k);
    }

    public bool IsKept(int token) => _all || _stamps[token] == _stamp;

    /// <summary>The processed log-probability of <paramref name="token"/> (−∞ outside the kept set).</summary>
    public float LogProb(int token) => IsKept(token) ? (float)(_z[token] - _logZ) : float.NegativeInfinity;

    /// <summary>vLLM's 1-based rank of <paramref name="token"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Rank(int token)
    {
        if (!IsKept(token))
        {
            return _keptCount + 1;
        }

        var z = _z[token];
        if (_keptIsIdentity && _keptCount == _vocab)
        {
            return VocabScan.CountGreater(_z, z) + 1;
        }

        var above = 0;
        for (var i = 0; i < _keptCount; i++)
        {
            if (_z[_kept[i]] > z)
            {
                above++;
            }
        }

        return above + 1;
    }

    /// <summary>The most likely token (lowest id on ties).</summary>
    public int ArgMax()
    {
        if (_weighted)
        {
            return VocabScan.FirstIndexOf(_z, _top);
        }

        var best = _kept[0];
        for (var i = 1; i < _keptCount; i++)
        {
            var id = _kept[i];
            if (_z[id] > _z[best] || (_z[id] == _z[best] && id < best))
            {
                best = id;
            }
        }

        return best;
    }

    /// <summary>Draws a token with probability exp(LogProb) using one uniform draw <paramref name="u"/> ∈ [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Sample(double u)
    {
        if (_weighted)
        {
            return SampleWeighted(u * _weightSum);
        }

        var cumulative = 0.0;
        for (var i = 0; i < _keptCount; i++)
        {
            cumulative += Math.Exp(_z[_kept[i]] - _logZ);
            if (u < cumulative)
            {
                return _kept[i];
            }
        }

        return _kept[_keptCount - 1];
    }

    /// <summary>The first token whose running sum of exp(z − max) exceeds <paramref name="target"/> (ascending ids, as <see cref="Sample"/>).</summary>
    private int SampleWeighted(double target)
    {
        var cumulative = 0.0;
        for (var i = 0; i < _vocab; i++)
        {
            cumulative += _select[i];
            if (target < cumulative)
            {
                return i;
            }
        }

        return _vocab - 1;
    }

    /// <summary>Fills <paramref name="destination"/> with the most likely kept tokens, best first; returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Top(Span<TokenLogProb> destination)
    {
        var count = Math.Min(destination.Length, _keptCount);
        if (count == 0)
        {
            return 0;
        }

        if (_sorted)
        {
            for (var i = 0; i < count; i++)
            {
                destination[i] = new TokenLogProb(_kept[i], LogProb(_kept[i]));
            }

            return count;
        }

        if (_keptIsIdentity && _keptCount == _vocab)
        {
            if (_topIds.Length < count)
            {
                _topIds = new int[count];
            }

            var ids = _topIds.AsSpan(0, count);
            VocabScan.TopIndices(_z, ids);
            for (var i = 0; i < count; i++)
            {
                destination[i] = new TokenLogProb(ids[i], LogProb(ids[i]));
            }

            return count;
        }

        // Insertion into a short sorted list: one comparison for almost every token.
        var filled = 0;
        for (var i = 0; i < _keptCount; i++)
        {
            var id = _kept[i];
            var z = _z[id];
            if (filled == count && !Before(id, z, destination[count - 1].TokenId))
            {
                continue;
            }

            var at = filled < count ? filled++ : count - 1;
            while (at > 0 && Before(id, z, destination[at - 1].TokenId))
            {
                destination[at] = destination[at - 1];
                at--;
            }

            destination[at] = new TokenLogProb(id, 0f);
        }

        for (var i = 0; i < count; i++)
        {
            destination[i] = destination[i] with { LogProb = LogProb(destination[i].TokenId) };
        }

        return count;
    }

    private bool Before(int id, float z, int other) => z > _z[other] || (z == _z[other] && id < other);

    private void SortKept()
    {
        if (!_sorted)
        {
            _kept.AsSpan(0, _keptCount).Sort(_descending);
            _sorted = true;
            _keptIsIdentity = false;
        }
    }

    /// <summary>The value that would sit at index <paramref name="k"/> of <paramref name="values"/> sorted ascending (Hoare selection).</summary>
    private static float Select(float[] values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            var pivot = values[left + ((right - left) / 2)];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }
}
