namespace Sn19.Actors.Chain.Yuma;

/// <summary>
/// One Yuma Consensus epoch, in the order of subtensor's sparse <c>epoch_mechanism</c> (chain-and-yuma.md §1.3,
/// Appendix A), in I32F32 with the stake normalized in I64F64 and the emission in I96F32:
///  1. active = LastUpdate + cutoff ≥ b          8. vtrust_i = Σ_j Wc_ij
///  2. S = normalize64(stake) (threshold)        9. R_j = Σ_i A_i·Wc_ij, I = normalize(R)
///  3. new permits = top-k non-zero S           10. Wb = W + β(Wc − W)
///  4. A = normalize(S masked by !active/!permit) 11. drop bonds to uids registered since the last epoch
///  5. W: permit rows, no diagonal, not outdated, row-normalized
///  6. C_j = stake-weighted median with κ       12. bonds EMA and dividends (legacy or Yuma3)
///  7. Wc = min(W, C)                           13. emission split; 14. u16 storage values
/// Cost is linear in the number of weight entries plus O(n²) for the consensus table (n ≤ 256).
/// </summary>
internal static class YumaEpoch
{
    public static YumaEpochResult Run(YumaEpochInput input)
    {
        var p = input.Parameters;
        var neurons = input.Neurons;
        var n = neurons.Count;
        var b = input.Block;
        var owner = input.OwnerUid is { } o && o >= 0 && o < n ? o : -1;

        // 1. Active.
        var cutoff = p.ActivityCutoffBlocks;
        var active = new bool[n];
        for (var i = 0; i < n; i++)
        {
            active[i] = !(neurons[i].LastUpdate + cutoff < b);
        }

        // 2. Stake, normalized in I64F64 (x·2^64 / Σ) then truncated to I32F32.
        var stake = StakeWeights(neurons, owner, p.StakeThreshold);

        // 3. Permits for the next epoch; this epoch masks with the previous ones.
        var newPermit = TopKNonZero(stake, p.MaxAllowedValidators);
        var permit = new bool[n];
        for (var i = 0; i < n; i++)
        {
            permit[i] = neurons[i].ValidatorPermit || i == owner;
        }

        if (owner >= 0)
        {
            newPermit[owner] = true;
        }

        // 4. Active stake.
        var activeStake = new long[n];
        for (var i = 0; i < n; i++)
        {
            activeStake[i] = active[i] && permit[i] ? stake[i] : 0;
        }

        Fixed.Normalize(activeStake);

        // 5. Weights.
        var weights = new SparseEntry[n][];
        for (var i = 0; i < n; i++)
        {
            weights[i] = permit[i] ? LoadWeights(neurons, i, owner) : [];
        }

        Sparse.RowNormalize(weights);

        // 6–9. Consensus, clipping, validator trust, ranks and incentive.
        var kappa = Fixed.Div(Fixed.FromInt(p.Kappa), Fixed.U16Max);
        var consensus = WeightedMedian.Columns(activeStake, weights, n, kappa);
        var clipped = Sparse.ClipColumns(weights, consensus);
        var validatorTrust = Sparse.RowSums(clipped);
        var preranks = Sparse.ColumnDot(weights, activeStake, n);
        var rank = Sparse.ColumnDot(clipped, activeStake, n);
        var trust = new long[n];
        for (var j = 0; j < n; j++)
        {
            trust[j] = preranks[j] != 0 ? Fixed.Div(rank[j], preranks[j]) : 0;
        }

        var incentive = (long[])rank.Clone();
        Fixed.Normalize(incentive);

        // 10. Bond weights.
        var beta = Fixed.Div(Fixed.FromInt(p.BondsPenalty), Fixed.U16Max);
        var bondWeights = Sparse.Interpolate(weights, clipped, beta, n);

        // 11. Bonds to miners registered since the last epoch are dropped.
        var lastTempo = input.LastMechanismStepBlock == 0
            ? (b > p.Tempo ? b - p.Tempo : 0)
            : input.LastMechanismStepBlock + 1;

        // 12. Bonds and dividends.
        var alpha = Fixed.One - (long)((((UInt128)p.BondsMovingAverage) << Fixed.FractionBits) / 1_000_000UL);
        SparseEntry[][] bonds;
        long[] dividends;
        if (p.Yuma3)
        {
            var old = LoadBonds(neurons, lastTempo, asProportion: true);
            var anyConsensus = Array.Exists(consensus, c => c != 0);
            bonds = p.LiquidAlpha && anyConsensus
                ? LiquidAlpha.Ema(bondWeights, old, consensus, p, n)
                : Sparse.Ema(bondWeights, old, alpha, n);
            var normalized = Sparse.Copy(bonds);
            Sparse.ColNormalize(normalized, n);
            var perValidator = Sparse.RowDot(normalized, incentive);
            dividends = new long[n];
            for (var i = 0; i < n; i++)
            {
                dividends[i] = Fixed.Mul(perValidator[i], activeStake[i]);
            }

            Fixed.Normalize(dividends);
        }
        else
        {
            var old = LoadBonds(neurons, lastTempo, asProportion: false);
            Sparse.ColNormalize(old, n);
            var delta = Sparse.ScaleRows(bondWeights, activeStake);
            Sparse.ColNormalize(delta, n);
            bonds = Sparse.Ema(delta, old, alpha, n);
            Sparse.ColNormalize(bonds, n);
            dividends = Sparse.RowDot(bonds, incentive);
            Fixed.Normalize(dividends);
        }

        // 13. Emission.
        var (server, validator, combined) = Emission.Split(incentive, dividends, activeStake, stake, input.EmissionRao);

        // 14. Storage form of the bonds: legacy is column-max-upscaled, Yuma3 is stored as is.
        var storable = Sparse.Copy(bonds);
        if (!p.Yuma3)
        {
            Sparse.ColMaxUpscale(storable, n);
        }

        var stored = new UidValue[]?[n];
        for (var i = 0; i < n; i++)
        {
            if (newPermit[i])
            {
                stored[i] = Array.ConvertAll(storable[i], e => new UidValue((ushort)e.Col, Fixed.ToU16(e.Value)));
            }
            else if (permit[i])
            {
                stored[i] = [];
            }
        }

        return new YumaEpochResult
        {
            Active = active,
            StakeWeight = stake,
            ActiveStake = activeStake,
            NewValidatorPermit = newPermit,
            Consensus = consensus,
            ValidatorTrust = validatorTrust,
            Rank = rank,
            Trust = trust,
            Incentive = incentive,
            Dividends = dividends,
            ServerEmission = server,
            ValidatorEmission = validator,
            Emission = combined,
            Bonds = bonds,
            StoredBonds = stored,
        };
    }

    private static long[] StakeWeights(IReadOnlyList<YumaNeuron> neurons, int owner, ulong threshold)
    {
        var n = neurons.Count;
        var raw = new ulong[n];
        UInt128 total = 0;
        for (var i = 0; i < n; i++)
        {
            raw[i] = i != owner && neurons[i].Stake < threshold ? 0 : neurons[i].Stake;
            total += raw[i];
        }

        var s = new long[n];
        if (total == 0)
        {
            return s;
        }

        for (var i = 0; i < n; i++)
        {
            // I64F64 quotient bits = (stake·2^64)/Σ; the cast to I32F32 drops the low 32 bits.
            var q = (((UInt128)raw[i]) << 64) / total;
            s[i] = (long)(q >> 32);
        }

        return s;
    }

    /// <summary><c>is_topk_nonzero</c>: a stable ascending sort, the last k win, so equal stakes favour the higher uid.</summary>
    internal static bool[] TopKNonZero(long[] values, int k)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var sorted = order.OrderBy(i => values[i]).ToArray();
        var result = new bool[n];
        for (var r = n - 1; r >= 0 && r >= n - k; r--)
        {
            var idx = sorted[r];
            if (values[idx] != 0)
            {
                result[idx] = true;
            }
        }

        return result;
    }

    private static SparseEntry[] LoadWeights(IReadOnlyList<YumaNeuron> neurons, int i, int owner)
    {
        var n = neurons.Count;
        var lastUpdate = neurons[i].LastUpdate;
        var row = new List<SparseEntry>(neurons[i].Weights.Count);
        foreach (var w in neurons[i].Weights)
        {
            var j = (int)w.Uid;
            if (j >= n || (j == i && i != owner) || lastUpdate <= neurons[j].RegisteredAt)
            {
                continue;
            }

            row.Add(new SparseEntry(j, Fixed.FromInt(w.Value)));
        }

        return [.. row];
    }

    private static SparseEntry[][] LoadBonds(IReadOnlyList<YumaNeuron> neurons, ulong lastTempo, bool asProportion)
    {
        var n = neurons.Count;
        var bonds = new SparseEntry[n][];
        for (var i = 0; i < n; i++)
        {
            var row = new List<SparseEntry>(neurons[i].Bonds.Count);
            foreach (var bond in neurons[i].Bonds)
            {
                var j = (int)bond.Uid;
                if (j >= n || lastTempo <= neurons[j].RegisteredAt)
                {
                    continue;
                }

                row.Add(new SparseEntry(j, asProportion ? Fixed.FromU16Proportion(bond.Value) : Fixed.FromInt(bond.Value)));
            }

            bonds[i] = [.. row];
        }

        return bonds;
    }
}
