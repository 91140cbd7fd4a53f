namespace Sn19.Actors.Wire;

/// <summary>A request ready to send, and whether its answer is in Nineteen's dialect (capacities as a plain map, streams
/// without <c>[DONE]</c>); or the reason there is none.</summary>
public sealed record PreparedRequest(HttpRequestMessage? Request, bool NineteenDialect, string? Problem)
{
    public static PreparedRequest Failed(string problem) => new(null, false, problem);
}
