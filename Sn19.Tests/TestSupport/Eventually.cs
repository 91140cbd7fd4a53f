namespace Sn19.Tests.TestSupport;

/// <summary>Polls a condition with a bounded deadline (a deadline, not a timing threshold: it only bounds a hang).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because, int deadlineSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(deadlineSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {deadlineSeconds}s: {because}");
            }

            await Task.Delay(5);
        }
    }
}
