namespace Sn19.Benchmarks.Actors.Hosting;

using Akka.Actor;

/// <summary>Answers every <c>int</c> n &gt; 0 with n − 1 to its sender; completes the exchange when it reaches 0.</summary>
internal sealed class PingPongActor : ReceiveActor
{
    public PingPongActor(TaskCompletionSource done)
    {
        Receive<int>(n =>
        {
            if (n == 0)
            {
                done.TrySetResult();
                return;
            }

            Sender.Tell(n - 1);
        });
    }
}
