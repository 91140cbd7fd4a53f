namespace Sn19.Actors.Subnet.Simulation;

using Akka.Actor;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// The users of a scenario: per period and task, organic-load × the miners' declared capacity in tokens,
/// as requests of the scenario's longest answer, arriving evenly spread from a seeded offset. Each one goes
/// through the validator's <see cref="OrganicRouter"/>, as a request to the organic API would, and is served
/// to its end before the next arrives (<c>ReceiveAsync</c>), so the run stays in a fixed order.
/// </summary>
internal sealed class ScriptedUsersActor : ReceiveActor, IWithTimers
{
    private const string PeriodTimer = "period";
    private const string ArrivalTimer = "arrival";
    private const long OrganicOffsetDraw = 3;

    private readonly ScriptedUsers _users;
    private List<(DateTimeOffset At, TaskDefinition Task)> _arrivals = [];
    private int _next;

    public ScriptedUsersActor(ScriptedUsers users)
    {
        _users = users;
        Receive<PeriodBegins>(begins => Begin(begins.Period));
        ReceiveAsync<Arrive>(_ => ArriveAsync());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ScriptedUsers users) => Akka.Actor.Props.Create(() => new ScriptedUsersActor(users));

    protected override void PreStart() => ArmPeriod(0);

    private void ArmPeriod(long period)
    {
        var at = _users.Periods.StartOf(_users.FirstPeriod + period);
        Timers.StartSingleTimer(PeriodTimer, new PeriodBegins(period), Context.System.Scheduler.Until(at));
    }

    private void Begin(long period)
    {
        var scenario = _users.Scenario;
        var start = _users.Periods.StartOf(_users.FirstPeriod + period);
        var length = _users.Periods.Length;
        var meanTokens = (scenario.TokensPerRequest.Min + scenario.TokensPerRequest.Max) / 2;
        _arrivals = [];
        foreach (var task in _users.Router.Tasks.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            var declared = _users.Miners.Miners.Values.Sum(m => m.Declared(task.Id, period));
            var count = meanTokens > 0 ? (int)Math.Floor(scenario.OrganicLoad * declared / meanTokens) : 0;
            var offset = SeededRandom.Uniform(_users.Seed, OrganicOffsetDraw, period, SeededRandom.Key(task.Id));
            for (var k = 0; k < count; k++)
            {
                _arrivals.Add((start + (length * ((k + offset) / count)), task));
            }
        }

        _arrivals.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.Task.Id, b.Task.Id));
        _next = 0;
        ArmArrival();
        ArmPeriod(period + 1);
    }

    private async Task ArriveAsync()
    {
        var (_, task) = _arrivals[_next++];
        var request = task.Kind == TaskKind.Chat
            ? new TextRequest { Model = task.Id, Messages = [new ChatMessage("user", "A scripted user's question.")], MaxTokens = MaxTokens }
            : new TextRequest { Model = task.Id, Prompt = "A scripted user's prompt:", MaxTokens = MaxTokens };
        await _users.Router.ServeAsync(task.Id, request, _users.Scenario.OrganicAttempts, null, CancellationToken.None);
        ArmArrival();
    }

    private int MaxTokens => (int)Math.Ceiling(_users.Scenario.TokensPerRequest.Max);

    private void ArmArrival()
    {
        if (_next < _arrivals.Count)
        {
            Timers.StartSingleTimer(ArrivalTimer, new Arrive(), Context.System.Scheduler.Until(_arrivals[_next].At));
        }
    }

    private sealed record PeriodBegins(long Period);

    private sealed record Arrive;
}
