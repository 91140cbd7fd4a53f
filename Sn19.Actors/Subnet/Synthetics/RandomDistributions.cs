namespace Sn19.Actors.Subnet.Synthetics;

/// <summary>Samples from the continuous distributions the synthetic generator needs, using a seeded source.</summary>
public static class RandomDistributions
{
    /// <summary>Normal(mean, sd) by the Box–Muller transform (one draw per call keeps replay simple).</summary>
    public static double Normal(Random random, double mean, double standardDeviation)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: log is finite
        var u2 = random.NextDouble();
        return mean + (standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>
    /// Gamma(shape, scale) by Marsaglia and Tsang's method; for shape &lt; 1 it samples shape + 1 and
    /// multiplies by U^(1/shape), which is exact.
    /// </summary>
    public static double Gamma(Random random, double shape, double scale)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shape);
        if (shape < 1.0)
        {
            var boost = Math.Pow(1.0 - random.NextDouble(), 1.0 / shape);
            return Gamma(random, shape + 1.0, scale) * boost;
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random, 0, 1);
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1.0 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v * scale;
            }
        }
    }

    /// <summary>A uniform integer in [min, max], both ends included.</summary>
    public static int UniformInclusive(Random random, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(min, max + 1);
    }
}
