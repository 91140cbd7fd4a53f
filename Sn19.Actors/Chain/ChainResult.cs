namespace Sn19.Actors.Chain;

/// <summary>The outcome of a chain call: a value, or the <see cref="ChainError"/> that explains the refusal.</summary>
public sealed record ChainResult<T>
{
    private ChainResult(T? value, ChainError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ChainError? Error { get; }

    public bool IsOk => Error is null;

    public static ChainResult<T> Ok(T value) => new(value, null);

    public static ChainResult<T> Fail(ChainErrorCode code, string message) => new(default, new ChainError(code, message));

    public static ChainResult<T> Fail(ChainError error) => new(default, error);

    /// <summary>The value, or an exception for callers that treat a refusal as a bug.</summary>
    public T GetValueOrThrow() =>
        Error is null ? Value! : throw new InvalidOperationException($"chain refused: {Error}");
}
