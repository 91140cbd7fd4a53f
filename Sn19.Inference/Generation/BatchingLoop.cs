namespace Sn19.Inference.Generation;

using System.Threading.Channels;
using Sn19.Inference.Llama;

/// <summary>
/// Continuous batching on the embedded engine. One thread runs every admitted request: each turn it feeds
/// each new prompt one chunk, lets every sequence with logits sample and write its token, then appends all
/// those tokens in one shared step (<see cref="LlamaModel.ForwardStep"/>), which reads the weights once
/// for the whole batch. Decode is bound by memory, so four streams cost little more than one (README,
/// "Batching"). A sequence gets the same bits in a batch as alone, so batching never changes a token or a
/// log-probability. Requests join and leave between steps; at most <c>capacity</c> run at once (the
/// backend's slots admit no more). The thread starts with the first request and ends after
/// <see cref="IdleExit"/> without one, so an idle backend holds no thread.
/// </summary>
internal sealed class BatchingLoop
{
    private static readonly TimeSpan IdleExit = TimeSpan.FromSeconds(30);
    private readonly LlamaModel _model;
    private readonly int _capacity;
    private readonly Channel<StreamingSequence> _admissions =
        Channel.CreateUnbounded<StreamingSequence>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private bool _running;

    public BatchingLoop(LlamaModel model, int capacity)
    {
        _model = model;
        _capacity = Math.Clamp(capacity, 1, model.MaxBatch);
    }

    public void Submit(StreamingSequence sequence)
    {
        _admissions.Writer.TryWrite(sequence);
        lock (_gate)
        {
            if (_running)
            {
                return;
            }

            _running = true;
        }

        new Thread(Run) { IsBackground = true, Name = "sn19-batching" }.Start();
    }

    private void Run()
    {
        var vocab = _model.Config.VocabSize;
        var active = new List<StreamingSequence>(_capacity);
        var logits = new float[_capacity * vocab];
        var tokens = new int[_capacity];
        var sequences = new LlamaSequence[_capacity];
        while (true)
        {
            while (active.Count < _capacity && _admissions.Reader.TryRead(out var admitted))
            {
                active.Add(admitted);
            }

            if (active.Count == 0)
            {
                if (WaitForWork())
                {
                    continue;
                }

                return;
            }

            // Prompts one chunk a turn (the streams beside a long prompt wait a chunk, not all of it); every sequence
            // with logits, including one whose prompt just finished, samples and writes its next token.
            for (var i = active.Count - 1; i >= 0; i--)
            {
                var sequence = active[i];
                bool alive;
                try
                {
                    alive = sequence.Prefilled ? sequence.Emit() : sequence.PrefillStep() && (!sequence.Prefilled || sequence.Emit());
                }
                catch (Exception e)
                {
                    // One request's failure (say, in its text decoding) ends that request, not the loop.
                    sequence.Fail(e);
                    alive = false;
                }

                if (!alive)
                {
                    sequence.Release();
                    active.RemoveAt(i);
                }
            }

            var n = 0;
            foreach (var sequence in active)
            {
                if (sequence.Prefilled)
                {
                    sequences[n] = sequence.Sequence;
                    tokens[n++] = sequence.NextToken;
                }
            }

            if (n > 0)
            {
                Step(active, sequences.AsSpan(0, n), tokens.AsSpan(0, n), logits);
            }
        }
    }

    private void Step(List<StreamingSequence> active, ReadOnlySpan<LlamaSequence> sequences, ReadOnlySpan<int> tokens, float[] logits)
    {
        var vocab = _model.Config.VocabSize;
        try
        {
            _model.ForwardStep(sequences, tokens, logits);
        }
        catch (Exception e)
        {
            // Not expected (inputs are checked on admission), but it must not leave callers waiting.
            for (var i = active.Count - 1; i >= 0; i--)
            {
                if (active[i].Prefilled)
                {
                    active[i].Fail(e);
                    active[i].Release();
                    active.RemoveAt(i);
                }
            }

            return;
        }

        var row = 0;
        foreach (var sequence in active)
        {
            if (sequence.Prefilled)
            {
                sequence.AcceptLogits(logits.AsSpan(row++ * vocab, vocab));
            }
        }
    }

    /// <summary>Waits for a request; false (and the thread ends) after <see cref="IdleExit"/> without one.</summary>
    private bool WaitForWork()
    {
        using (var idle = new CancellationTokenSource(IdleExit))
        {
            try
            {
                if (_admissions.Reader.WaitToReadAsync(idle.Token).AsTask().GetAwaiter().GetResult())
                {
                    return true;
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        lock (_gate)
        {
            // A request submitted while this thread was deciding to stop finds it still running.
            if (_admissions.Reader.TryPeek(out _))
            {
                return true;
            }

            _running = false;
            return false;
        }
    }
}
