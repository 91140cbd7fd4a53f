namespace Sn19.Inference.Kernels;

using System.Diagnostics;

/// <summary>
/// A small persistent pool for the engine's data-parallel kernels. The caller is worker 0 and
/// <c>threads − 1</c> background threads are the others. After a job a worker spins for a short while
/// (decode dispatches about 8 products per layer, well under a millisecond apart) and then blocks, so
/// an idle engine costs no CPU. Parallel.For was measured at tens of microseconds per call on 2 cores,
/// which is a large share of a 1-3 ms decode step; a dispatch here is a counter increment. The caller
/// never waits for a worker that has not joined a job (on a shared machine a worker may not be scheduled
/// for milliseconds); work is claimed in chunks, so the caller then simply does it all.
/// <see cref="Run"/> is serialised: one job at a time.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000; // 200 µs

    private readonly Thread[] _threads;
    private readonly object _gate = new();
    private readonly object _runGate = new();
    private IParallelWork? _work;
    private long _generation;
    private int _open;
    private int _active;
    private int _sleepers;
    private volatile bool _stopping;
    private Exception? _failure;

    public WorkerPool(int threads)
    {
        WorkerCount = Math.Max(1, threads);
        _threads = new Thread[WorkerCount - 1];
        for (var i = 0; i < _threads.Length; i++)
        {
            var index = i + 1;
            _threads[i] = new Thread(() => WorkerLoop(index))
            {
                IsBackground = true,
                Name = $"sn19-engine-{index}",
            };
            _threads[i].Start();
        }
    }

    /// <summary>Workers taking part in each job, the calling thread included.</summary>
    public int WorkerCount { get; }

    /// <summary>Runs <paramref name="work"/> on every worker and returns when all have finished.</summary>
    public void Run(IParallelWork work)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (WorkerCount == 1)
        {
            work.Execute(0);
            return;
        }

        lock (_runGate)
        {
            _work = work;
            Volatile.Write(ref _open, 1);
            Interlocked.Increment(ref _generation);
            if (Volatile.Read(ref _sleepers) > 0)
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }

            Exception? own = null;
            try
            {
                work.Execute(0);
            }
            catch (Exception e)
            {
                own = e;
            }

            // Close the job, then wait only for workers that joined it. A worker that has not woken yet
            // (descheduled on a busy machine) is not waited for: the caller has already claimed its share.
            Interlocked.Exchange(ref _open, 0);
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _active) != 0)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            _work = null;
            var failure = own ?? Interlocked.Exchange(ref _failure, null);
            if (failure is not null)
            {
                throw new InvalidOperationException("An engine kernel failed on a worker thread.", failure);
            }
        }
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void WorkerLoop(int index)
    {
        long seen = 0;
        while (true)
        {
            long generation;
            var spinStart = Stopwatch.GetTimestamp();
            while ((generation = Volatile.Read(ref _generation)) == seen)
            {
                if (_stopping)
                {
                    return;
                }

                if (Stopwatch.GetTimestamp() - spinStart < SpinTicks)
                {
                    Thread.SpinWait(16);
                    continue;
                }

                lock (_gate)
                {
                    // Dekker-style handshake with Run: the sleeper count is raised (full fence) before the
                    // generation is re-read, and Run bumps the generation (full fence) before reading it.
                    Interlocked.Increment(ref _sleepers);
                    while (Volatile.Read(ref _generation) == seen && !_stopping)
                    {
                        Monitor.Wait(_gate);
                    }

                    Interlocked.Decrement(ref _sleepers);
                }

                spinStart = Stopwatch.GetTimestamp();
            }

            // Join only an open job (Dekker-style with Run: _active is raised with a full fence before
            // _open is read, and Run clears _open with a full fence before it reads _active).
            Interlocked.Increment(ref _active);
            seen = Volatile.Read(ref _generation);
            if (Volatile.Read(ref _open) == 1)
            {
                try
                {
                    _work?.Execute(index);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                }
            }

            Interlocked.Decrement(ref _active);
        }
    }
}
