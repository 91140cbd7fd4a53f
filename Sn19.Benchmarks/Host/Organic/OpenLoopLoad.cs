namespace Sn19.Benchmarks.Host.Organic;

using System.Collections.Concurrent;
using System.Diagnostics;

/// <summary>
/// Sends requests at a fixed rate for a while, each at its due time whatever the earlier ones are doing (an open
/// loop, as real users arrive), and measures each from its due time to its end.
/// </summary>
internal static class OpenLoopLoad
{
    public static async Task<LatencySample> RunAsync(string path, int rate, TimeSpan duration, Func<int, Task<string?>> send)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                var failure = await send(index);
                if (failure is null)
                {
                    latencies.Add((clock.Elapsed - due).TotalMilliseconds);
                }
                else
                {
                    failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return new LatencySample(path, rate, [.. latencies], failures.Values.Sum(), failures);
    }
}
