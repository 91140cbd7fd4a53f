namespace Sn19.Actors.Chain.Yuma;

/// <summary>
/// The sparse matrix helpers of subtensor's <c>epoch/math.rs</c> that the sparse epoch uses, over rows of
/// <see cref="SparseEntry"/>. Every product floors and every quotient truncates (<see cref="Fixed"/>), in
/// the same order as the chain so the sums match bit for bit. A 256×256 subnet with full rows is 64 Ki
/// entries; each helper is one pass.
/// </summary>
internal static class Sparse
{
    /// <summary><c>inplace_row_normalize_sparse</c>: each non-zero row sums to about 1.</summary>
    public static void RowNormalize(SparseEntry[][] m)
    {
        foreach (var row in m)
        {
            long sum = 0;
            foreach (var e in row)
            {
                sum += e.Value;
            }

            if (sum <= 0)
            {
                continue;
            }

            for (var k = 0; k < row.Length; k++)
            {
                row[k] = row[k] with { Value = Fixed.Div(row[k].Value, sum) };
            }
        }
    }

    /// <summary><c>inplace_col_normalize_sparse</c>: each non-zero column sums to about 1.</summary>
    public static void ColNormalize(SparseEntry[][] m, int columns)
    {
        var sums = new long[columns];
        foreach (var row in m)
        {
            foreach (var e in row)
            {
                sums[e.Col] += e.Value;
            }
        }

        foreach (var row in m)
        {
            for (var k = 0; k < row.Length; k++)
            {
                var s = sums[row[k].Col];
                if (s != 0)
                {
                    row[k] = row[k] with { Value = Fixed.Div(row[k].Value, s) };
                }
            }
        }
    }

    /// <summary><c>inplace_col_max_upscale_sparse</c>: the largest value of each column becomes 1.</summary>
    public static void ColMaxUpscale(SparseEntry[][] m, int columns)
    {
        var max = new long[columns];
        foreach (var row in m)
        {
            foreach (var e in row)
            {
                max[e.Col] = Math.Max(max[e.Col], e.Value);
            }
        }

        foreach (var row in m)
        {
            for (var k = 0; k < row.Length; k++)
            {
                var mx = max[row[k].Col];
                if (mx != 0)
                {
                    row[k] = row[k] with { Value = Fixed.Div(row[k].Value, mx) };
                }
            }
        }
    }

    /// <summary><c>row_sum_sparse</c>.</summary>
    public static long[] RowSums(SparseEntry[][] m)
    {
        var sums = new long[m.Length];
        for (var i = 0; i < m.Length; i++)
        {
            foreach (var e in m[i])
            {
                sums[i] += e.Value;
            }
        }

        return sums;
    }

    /// <summary><c>matmul_sparse(m, v)</c>: r_j = Σ_i v_i·m_ij (the stake-weighted column sums).</summary>
    public static long[] ColumnDot(SparseEntry[][] m, ReadOnlySpan<long> v, int columns)
    {
        var r = new long[columns];
        for (var i = 0; i < m.Length; i++)
        {
            foreach (var e in m[i])
            {
                r[e.Col] += Fixed.Mul(v[i], e.Value);
            }
        }

        return r;
    }

    /// <summary><c>matmul_transpose_sparse(m, v)</c>: r_i = Σ_j m_ij·v_j.</summary>
    public static long[] RowDot(SparseEntry[][] m, ReadOnlySpan<long> v)
    {
        var r = new long[m.Length];
        for (var i = 0; i < m.Length; i++)
        {
            foreach (var e in m[i])
            {
                r[i] += Fixed.Mul(e.Value, v[e.Col]);
            }
        }

        return r;
    }

    /// <summary><c>row_hadamard_sparse(m, v)</c>: m_ij·v_i.</summary>
    public static SparseEntry[][] ScaleRows(SparseEntry[][] m, ReadOnlySpan<long> v)
    {
        var result = new SparseEntry[m.Length][];
        for (var i = 0; i < m.Length; i++)
        {
            var row = m[i];
            var scaled = new SparseEntry[row.Length];
            for (var k = 0; k < row.Length; k++)
            {
                scaled[k] = row[k] with { Value = Fixed.Mul(row[k].Value, v[i]) };
            }

            result[i] = scaled;
        }

        return result;
    }

    /// <summary><c>col_clip_sparse</c>: min(w, c_j); a value above a zero consensus is removed.</summary>
    public static SparseEntry[][] ClipColumns(SparseEntry[][] m, ReadOnlySpan<long> consensus)
    {
        var result = new SparseEntry[m.Length][];
        var buffer = new List<SparseEntry>();
        for (var i = 0; i < m.Length; i++)
        {
            buffer.Clear();
            foreach (var e in m[i])
            {
                var c = consensus[e.Col];
                if (c < e.Value)
                {
                    if (c > 0)
                    {
                        buffer.Add(e with { Value = c });
                    }
                }
                else
                {
                    buffer.Add(e);
                }
            }

            result[i] = [.. buffer];
        }

        return result;
    }

    /// <summary><c>interpolate_sparse(a, b, ratio)</c>: a + ratio·(b − a) over the union of columns, keeping
    /// values above 0; ratio 0 and 1 return the inputs unchanged, as the chain does.</summary>
    public static SparseEntry[][] Interpolate(SparseEntry[][] a, SparseEntry[][] b, long ratio, int columns)
    {
        if (ratio == 0)
        {
            return Copy(a);
        }

        if (ratio == Fixed.One)
        {
            return Copy(b);
        }

        var result = new SparseEntry[a.Length][];
        var row1 = new long[columns];
        var row2 = new long[columns];
        var buffer = new List<SparseEntry>();
        for (var i = 0; i < a.Length; i++)
        {
            Array.Clear(row1);
            Array.Clear(row2);
            foreach (var e in a[i])
            {
                row1[e.Col] = e.Value;
            }

            foreach (var e in b[i])
            {
                row2[e.Col] = e.Value;
            }

            buffer.Clear();
            for (var j = 0; j < columns; j++)
            {
                var v = row1[j] + Fixed.Mul(ratio, row2[j] - row1[j]);
                if (v > 0)
                {
                    buffer.Add(new SparseEntry(j, v));
                }
            }

            result[i] = [.. buffer];
        }

        return result;
    }

    /// <summary><c>mat_ema_sparse(new, old, alpha)</c>: α·new + (1−α)·old, keeping values above 0, in column order.</summary>
    public static SparseEntry[][] Ema(SparseEntry[][] fresh, SparseEntry[][] old, long alpha, int columns)
    {
        var oneMinusAlpha = Fixed.One - alpha;
        var result = new SparseEntry[fresh.Length][];
        var row = new long[columns];
        var buffer = new List<SparseEntry>();
        for (var i = 0; i < fresh.Length; i++)
        {
            Array.Clear(row);
            foreach (var e in fresh[i])
            {
                row[e.Col] += Fixed.Mul(alpha, e.Value);
            }

            foreach (var e in old[i])
            {
                row[e.Col] += Fixed.Mul(oneMinusAlpha, e.Value);
            }

            buffer.Clear();
            for (var j = 0; j < columns; j++)
            {
                if (row[j] > 0)
                {
                    buffer.Add(new SparseEntry(j, row[j]));
                }
            }

            result[i] = [.. buffer];
        }

        return result;
    }

    public static SparseEntry[][] Copy(SparseEntry[][] m)
    {
        var result = new SparseEntry[m.Length][];
        for (var i = 0; i < m.Length; i++)
        {
            result[i] = (SparseEntry[])m[i].Clone();
        }

        return result;
    }
}
