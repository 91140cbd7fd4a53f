namespace Sn19.Actors.Subnet.Metagraphs;

using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Sn19.Actors.Wire;

/// <summary>
/// Keeps the latest metagraph in memory, refreshed from the chain when asked (a
/// <see cref="MetagraphRefreshActor"/> asks on its timer). Readers get an immutable <see cref="MetagraphView"/>
/// without waiting; a failed refresh keeps the last good view and is logged, so a chain hiccup never stops
/// a miner from admitting requests.
/// </summary>
public sealed class MetagraphWatcher : IStakeView
{
    private readonly IChain _chain;
    private readonly ILogger _logger;
    private MetagraphView _current = MetagraphView.Empty;

    public MetagraphWatcher(IChain chain, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chain);
        _chain = chain;
        _logger = logger;
    }

    public MetagraphView Current => Volatile.Read(ref _current);

    public double TotalValidatorStake => Current.TotalValidatorStake;

    public bool TryGetStake(string hotkeySs58, out double stake) => Current.TryGetStake(hotkeySs58, out stake);

    public double ValidatorShare(string hotkeySs58) => Current.ValidatorShare(hotkeySs58);

    /// <summary>Fetches the metagraph now; false (and the old view kept) when the chain did not answer.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var result = await _chain.GetMetagraphAsync(cancellationToken);
        if (!result.IsOk)
        {
            MetagraphLog.RefreshFailed(_logger, result.Error?.Message ?? "unknown error");
            return false;
        }

        Volatile.Write(ref _current, new MetagraphView(result.Value!));
        return true;
    }
}
