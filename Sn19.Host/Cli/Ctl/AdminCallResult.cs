namespace Sn19.Host.Cli.Ctl;

/// <summary>An admin API answer or the reason there is none.</summary>
internal sealed record AdminCallResult<T>(T? Value, AdminCallError Error, string? Message)
    where T : class
{
    public bool IsOk => Error == AdminCallError.None;

    public static AdminCallResult<T> Ok(T value) => new(value, AdminCallError.None, null);

    public static AdminCallResult<T> Fail(AdminCallError error, string message) => new(null, error, message);
}
