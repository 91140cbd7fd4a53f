namespace Sn19.Tests.Actors.Mechanism;

using Sn19.Actors.Mechanism;

public sealed class OutcomeClassifierTests
{
    private static readonly QueryObservation Good = new(
        StatusCode: 200, TimedOut: false, BytesReceived: 900, ValidChunks: 40, Malformed: false,
        Tokens: 120, Characters: 500, MaxTokens: 300, ResponseTime: TimeSpan.FromSeconds(2),
        TimeToFirstToken: TimeSpan.FromMilliseconds(150), StreamTime: TimeSpan.FromSeconds(1.85));

    [Fact]
    public void Classify_GoodStream_OkWithTokensAsWork()
    {
        var outcome = OutcomeClassifier.Classify(Good, 4);
        Assert.Equal(QueryOutcomeKind.Ok, outcome.Kind);
        Assert.Equal(120, outcome.Work);
        Assert.Equal(TimeSpan.FromMilliseconds(150), outcome.TimeToFirstToken);
    }

    [Fact]
    public void Classify_NoTokenCount_FallsBackToCharactersOverFour() =>
        Assert.Equal(125, OutcomeClassifier.Classify(Good with { Tokens = null }, 4).Work);

    [Fact]
    public void Classify_StreamRefusedWith429BeforeFirstByte_RateLimited() =>
        Assert.Equal(QueryOutcomeKind.RateLimited,
            OutcomeClassifier.Classify(Good with { StatusCode = 429, BytesReceived = 0, ValidChunks = 0 }, 4).Kind);

    [Theory]
    [InlineData(500, false, false, 40, 120)]
    [InlineData(200, true, false, 40, 120)]
    [InlineData(200, false, true, 40, 120)]
    [InlineData(200, false, false, 0, 120)]
    [InlineData(200, false, false, 40, 301)]
    public void Classify_BadResult_Failed(int status, bool timedOut, bool malformed, int chunks, int tokens) =>
        Assert.Equal(QueryOutcomeKind.Failed, OutcomeClassifier.Classify(
            Good with { StatusCode = status, TimedOut = timedOut, Malformed = malformed, ValidChunks = chunks, Tokens = tokens }, 4).Kind);

    [Fact]
    public void Classify_429AfterBytes_Failed() =>
        Assert.Equal(QueryOutcomeKind.Failed, OutcomeClassifier.Classify(Good with { StatusCode = 429 }, 4).Kind);
}
