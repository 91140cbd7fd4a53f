namespace Sn19.Actors.Subnet.Checks;

using Akka.Actor;
using Sn19.Actors.Hosting;

/// <summary>
/// The checker of one model in a cluster: the entity of that model's checker region, living on a node that has the
/// model loaded. Checks run as they arrive, not one after another in the mailbox (the engine batches and bounds its
/// own work); a checker that throws answers "not checked", so the miner is never scored on a validator-side failure.
/// </summary>
internal sealed class CheckerEntity : ReceiveActor, IDescribedActor
{
    private long _running;
    private long _done;

    public CheckerEntity(IResultChecker checker)
    {
        Receive<CheckRequest>(request =>
        {
            _running++;
            checker.CheckAsync(request.Candidate, CancellationToken.None).AsTask().PipeTo(
                Self,
                Sender,
                verdict => new Finished(verdict),
                error => new Finished(CheckVerdict.NotChecked($"the checker of {checker.Model} failed: {error.GetBaseException().Message}")));
        });
        Receive<Finished>(finished =>
        {
            _running--;
            _done++;
            Sender.Tell(finished.Verdict);
        });
        Receive<DescribeActor>(_ => Sender.Tell(new ActorDescription(new { model = checker.Model, running = _running, done = _done })));
    }

    public static Props Props(IResultChecker checker) => Akka.Actor.Props.Create(() => new CheckerEntity(checker));

    /// <summary>A check ended; the sender is the one who asked.</summary>
    private sealed record Finished(CheckVerdict Verdict);
}
