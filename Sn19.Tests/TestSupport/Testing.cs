namespace Sn19.Tests.TestSupport;

/// <summary>Bounded waiting for conditions other threads make true; the deadline only bounds a hang.</summary>
public static class Testing
{
    public static async Task WaitUntilAsync(Func<bool> condition, int deadlineSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(deadlineSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {deadlineSeconds}s.");
            }

            await Task.Delay(2);
        }
    }
}
