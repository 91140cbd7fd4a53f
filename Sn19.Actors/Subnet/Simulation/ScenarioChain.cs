namespace Sn19.Actors.Subnet.Simulation;

using Akka.Actor;
using Sn19.Actors.Chain;

/// <summary>
/// The chain of a scenario (the stand-in for subtensor in <c>sn19 simulate</c>): a fixed metagraph with the
/// scenario's miners at uids 0.. in file order, each with an axon address from the documentation range
/// (192.0.2.0/24, never contacted: the miners answer through <see cref="ScriptedMinerLine"/>), and the
/// validator after them. Blocks follow the virtual clock, one per 12 s; weights are checked for the
/// rate limit and kept. Registration and stake are fixed by the scenario file, so those calls are refused.
/// </summary>
internal sealed class ScenarioChain : IChain
{
    private const ushort Netuid = 19;
    private static readonly TimeSpan BlockTime = TimeSpan.FromSeconds(12);

    private readonly ITimeProvider _clock;
    private readonly DateTimeOffset _genesis;
    private readonly SubnetHyperparameters _hyperparameters = new();
    private readonly Lock _gate = new();
    private readonly List<NeuronInfo> _neurons;
    private readonly Dictionary<ushort, IReadOnlyList<UidValue>> _weights = [];

    public ScenarioChain(Scenario scenario, string validatorHotkey, ITimeProvider clock, DateTimeOffset genesis)
    {
        _clock = clock;
        _genesis = genesis;
        _neurons = [.. scenario.Miners.Select((m, i) => new NeuronInfo
        {
            Uid = (ushort)i,
            Hotkey = m.Name,
            Coldkey = m.Name,
            AxonIp = "192.0.2.1",
            AxonPort = 10_000 + i,
            Active = true,
        })];
        _neurons.Add(new NeuronInfo
        {
            Uid = (ushort)_neurons.Count,
            Hotkey = validatorHotkey,
            Coldkey = validatorHotkey,
            StakeRao = 1_000_000_000_000,
            ValidatorPermit = true,
            Active = true,
        });
    }

    private ulong Block => (ulong)Math.Max(0, (_clock.Now - _genesis) / BlockTime);

    public Task<ChainResult<ulong>> GetBlockAsync(CancellationToken cancellationToken) => Task.FromResult(ChainResult<ulong>.Ok(Block));

    public Task<ChainResult<Metagraph>> GetMetagraphAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(ChainResult<Metagraph>.Ok(new Metagraph(Netuid, Block, 0, _hyperparameters, [.. _neurons])));
        }
    }

    public Task<ChainResult<SubnetHyperparameters>> GetHyperparametersAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<SubnetHyperparameters>.Ok(_hyperparameters));

    public Task<ChainResult<ushort>> RegisterAsync(string hotkey, string coldkey, CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<ushort>.Fail(ChainErrorCode.InvalidRequest, FixedByScenario));

    public Task<ChainResult<bool>> ServeAxonAsync(string hotkey, string ip, int port, CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<bool>.Fail(ChainErrorCode.InvalidRequest, FixedByScenario));

    public Task<ChainResult<ulong>> AddStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<ulong>.Fail(ChainErrorCode.InvalidRequest, FixedByScenario));

    public Task<ChainResult<ulong>> RemoveStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<ulong>.Fail(ChainErrorCode.InvalidRequest, FixedByScenario));

    public Task<ChainResult<bool>> SetWeightsAsync(SignedWeights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        lock (_gate)
        {
            var index = _neurons.FindIndex(n => n.Hotkey == weights.Hotkey);
            if (index < 0)
            {
                return Task.FromResult(ChainResult<bool>.Fail(ChainErrorCode.NotRegistered, $"hotkey {weights.Hotkey} is not in the scenario"));
            }

            var self = _neurons[index];
            var block = Block;
            if (self.LastUpdate > 0 && block - self.LastUpdate < _hyperparameters.WeightsRateLimit)
            {
                return Task.FromResult(ChainResult<bool>.Fail(ChainErrorCode.RateLimited,
                    $"{block - self.LastUpdate} blocks since the last update, the chain allows one every {_hyperparameters.WeightsRateLimit}"));
            }

            var upscaled = WeightUpscale.MaxUpscale(weights.Weights.Values);
            _weights[self.Uid] = [.. weights.Weights.Uids.Select((uid, k) => new UidValue(uid, upscaled[k]))];
            _neurons[index] = self with { LastUpdate = block };
            return Task.FromResult(ChainResult<bool>.Ok(true));
        }
    }

    public Task<ChainResult<IReadOnlyList<WeightsRow>>> GetWeightsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<WeightsRow> rows = [.. _neurons.Select(n => new WeightsRow(n.Uid, n.Hotkey, n.LastUpdate, _weights.GetValueOrDefault(n.Uid, [])))];
            return Task.FromResult(ChainResult<IReadOnlyList<WeightsRow>>.Ok(rows));
        }
    }

    public Task<ChainResult<IReadOnlyList<EpochSummary>>> GetEpochsAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<IReadOnlyList<EpochSummary>>.Ok([]));

    private const string FixedByScenario = "the scenario's chain is fixed by its file: registration, axons and stake cannot change";
}
