namespace Sn19.Actors.Chain.Http;

/// <summary>The body of every chain API answer: a value (HTTP 200) or an error (HTTP 409).</summary>
internal sealed record ChainResponse<T>(T? Value, ChainError? Error)
{
    public static ChainResponse<T> From(ChainResult<T> result) => new(result.Value, result.Error);

    public ChainResult<T> ToResult() => Error is null ? ChainResult<T>.Ok(Value!) : ChainResult<T>.Fail(Error);
}
