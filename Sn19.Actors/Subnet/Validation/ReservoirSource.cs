namespace Sn19.Actors.Subnet.Validation;

using Akka.Streams;
using Akka.Streams.Stage;
using Sn19.Actors.Subnet.Checks;

/// <summary>
/// The check queue as an Akka.Streams source. On each pull it takes the next candidate (<c>take</c>, the
/// reservoirs' fair choice at that moment); when there is none it waits, and the queue's offers wake it
/// through the callback it registers (<c>registerWake</c>), so nothing polls and nothing is taken before
/// the checker can run it.
/// </summary>
internal sealed class ReservoirSource(Func<CheckCandidate?> take, Action<Action> registerWake) : GraphStage<SourceShape<CheckCandidate>>
{
    private readonly Outlet<CheckCandidate> _out = new("reservoir.out");
    private readonly Func<CheckCandidate?> _take = take;
    private readonly Action<Action> _registerWake = registerWake;

    public override SourceShape<CheckCandidate> Shape => new(_out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly ReservoirSource _stage;

        public Logic(ReservoirSource stage)
            : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._out, this);
        }

        public override void PreStart() => _stage._registerWake(GetAsyncCallback(TryPush));

        public override void OnPull() => TryPush();

        private void TryPush()
        {
            if (IsAvailable(_stage._out) && _stage._take() is { } candidate)
            {
                Push(_stage._out, candidate);
            }
        }
    }
}
