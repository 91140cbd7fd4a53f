namespace Sn19.Tests.Actors.Kernel;

using System.Collections.Concurrent;
using Sn19.Actors.Kernel;

/// <summary>
/// A probe actor: keeps notes in its (in-memory) state and writes every lifecycle step to a shared log,
/// so tests can see restarts, signals and stop order.
/// </summary>
public sealed class RecorderActor : Actor<RecorderMessage>, IIntrospectable
{
    private readonly ConcurrentQueue<string> _log;
    private readonly List<string> _notes = [];

    public RecorderActor(ConcurrentQueue<string> log) => _log = log;

    public object Summary() => new RecorderSummary(_notes.Count, _notes.LastOrDefault());

    protected override Task StartedAsync(CancellationToken cancellationToken)
    {
        _log.Enqueue($"started {Context.Self.Path}");
        return Task.CompletedTask;
    }

    protected override async Task ReceiveAsync(RecorderMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case RecorderMessage.Note note:
                _notes.Add(note.Text);
                _log.Enqueue($"note {Context.Self.Path} {note.Text}");
                break;
            case RecorderMessage.GetNotes get:
                get.ReplyTo.Reply(_notes.ToArray());
                break;
            case RecorderMessage.Fail fail:
                throw new InvalidOperationException(fail.Why);
            case RecorderMessage.FailFatally fatal:
                throw new FatalActorException(fatal.Why);
            case RecorderMessage.WaitFor wait:
                wait.Entered?.TrySetResult();
                await wait.Gate;
                break;
            case RecorderMessage.SpawnChild spawn:
                spawn.ReplyTo.Reply(Context.Spawn(spawn.Name, () => new RecorderActor(_log), spawn.Options));
                break;
            case RecorderMessage.WatchIt watch:
                Context.Watch(watch.Other);
                watch.ReplyTo.Reply(true);
                break;
            case RecorderMessage.StartTimer timer:
                if (timer.Periodic)
                {
                    Context.Timers.StartPeriodic(timer.Key, timer.Message, timer.Delay);
                }
                else
                {
                    Context.Timers.StartSingle(timer.Key, timer.Message, timer.Delay);
                }

                timer.ReplyTo.Reply(true);
                break;
            case RecorderMessage.CancelTimer cancel:
                Context.Timers.Cancel(cancel.Key);
                break;
            case RecorderMessage.StopSelf:
                Context.Stop();
                break;
            case RecorderMessage.Ignore:
                break;
            case RecorderMessage.Run run:
                run.ReplyTo.Reply(run.Action(Context));
                break;
        }
    }

    protected override Task OnSignalAsync(ActorSignal signal, CancellationToken cancellationToken)
    {
        if (signal is Terminated terminated)
        {
            _log.Enqueue($"terminated {Context.Self.Path} <- {terminated.Path} {terminated.Reason}");
        }

        return Task.CompletedTask;
    }

    protected override Task StoppedAsync(CancellationToken cancellationToken)
    {
        _log.Enqueue($"stopped {Context.Self.Path}");
        return Task.CompletedTask;
    }
}
