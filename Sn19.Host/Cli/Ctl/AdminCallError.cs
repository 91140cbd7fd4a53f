namespace Sn19.Host.Cli.Ctl;

/// <summary>Why an admin API call gave no answer.</summary>
internal enum AdminCallError
{
    None,
    Unreachable,
    Unauthorized,
    NotFound,
    BadResponse,
}
