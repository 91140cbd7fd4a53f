namespace Sn19.Actors.Chain;

/// <summary>
/// The chain as a subnet sees it: one subnet's metagraph, the block number, and the calls a neuron makes.
/// Keys are SS58 strings. Refusals the chain would give (rate limit, unknown uid, ...) are
/// <see cref="ChainResult{T}"/> values, never exceptions; so is an unreachable chain
/// (<see cref="ChainErrorCode.Unavailable"/>).
/// </summary>
public interface IChain
{
    Task<ChainResult<ulong>> GetBlockAsync(CancellationToken cancellationToken);

    Task<ChainResult<Metagraph>> GetMetagraphAsync(CancellationToken cancellationToken);

    Task<ChainResult<SubnetHyperparameters>> GetHyperparametersAsync(CancellationToken cancellationToken);

    /// <summary>Registers a hotkey owned by a coldkey; returns its uid (a new one, or a replaced one when full).</summary>
    Task<ChainResult<ushort>> RegisterAsync(string hotkey, string coldkey, CancellationToken cancellationToken);

    /// <summary>Publishes where the hotkey's axon listens.</summary>
    Task<ChainResult<bool>> ServeAxonAsync(string hotkey, string ip, int port, CancellationToken cancellationToken);

    /// <summary>Adds stake from a coldkey to a registered hotkey; returns the hotkey's total stake in rao.</summary>
    Task<ChainResult<ulong>> AddStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken);

    /// <summary>Removes the coldkey's stake from a hotkey; returns the hotkey's total stake in rao.</summary>
    Task<ChainResult<ulong>> RemoveStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the hotkey's weights (u16, max-upscaled by the chain) with the caller's version key, when the
    /// hotkey signed exactly this submission and its last update is still the one it signed against.
    /// </summary>
    Task<ChainResult<bool>> SetWeightsAsync(SignedWeights weights, CancellationToken cancellationToken);

    /// <summary>Every uid's stored weights row.</summary>
    Task<ChainResult<IReadOnlyList<WeightsRow>>> GetWeightsAsync(CancellationToken cancellationToken);

    /// <summary>The most recent epochs, newest first.</summary>
    Task<ChainResult<IReadOnlyList<EpochSummary>>> GetEpochsAsync(int limit, CancellationToken cancellationToken);
}
