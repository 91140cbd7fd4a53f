namespace Sn19.Actors.Kernel;

/// <summary>
/// Timers that tell the actor itself a message, driven by the system's <see cref="TimeProvider"/>. Starting a
/// timer with a key in use replaces it. Timers are cancelled when the actor restarts, passivates or stops. A
/// periodic tick that finds the mailbox full is skipped (the next one comes a period later); a single timer
/// waits for room. A message already enqueued before a cancel may still arrive.
/// </summary>
public interface ITimerScheduler<TMessage>
    where TMessage : class
{
    void StartSingle(string key, TMessage message, TimeSpan delay);

    void StartPeriodic(string key, TMessage message, TimeSpan interval);

    void StartPeriodic(string key, TMessage message, TimeSpan initialDelay, TimeSpan interval);

    bool IsActive(string key);

    void Cancel(string key);

    void CancelAll();
}
