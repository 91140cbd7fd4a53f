namespace Sn19.Actors.Chain.Local;

using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// A faithful small model of subtensor for one subnet, kept in SQLite: registrations, stake, axons, weights
/// with their rate limit, and Yuma consensus every tempo (<see cref="EpochApplier"/>). Blocks advance with
/// <see cref="RunAsync"/> (one per block time on the given <see cref="TimeProvider"/>) or
/// <see cref="ProduceBlockAsync"/>. Callers are trusted: extrinsics carry no signatures, so anyone who can reach
/// the chain can act for any hotkey; expose it on loopback only.
/// </summary>
public sealed class LocalChain : IChain, IDisposable
{
    private readonly ChainStore _store;
    private readonly SubnetHyperparameters _hp;
    private readonly ushort _netuid;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ChainState _state;

    private LocalChain(ChainStore store, ushort netuid, SubnetHyperparameters hp, ILogger logger)
    {
        _store = store;
        _netuid = netuid;
        _hp = hp;
        _logger = logger;
        _state = ChainState.From(store.Load());
        ChainLog.Opened(_logger, _state.Block, _state.Neurons.Count, netuid, hp.Tempo);
    }

    /// <summary>Opens the chain kept in <paramref name="databasePath"/> (created when missing; ":memory:" for tests).</summary>
    public static LocalChain Open(string databasePath, ushort netuid, SubnetHyperparameters hyperparameters, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        if (hyperparameters.Validate() is { } problem)
        {
            throw new ArgumentException($"chain.subnet: {problem}", nameof(hyperparameters));
        }

        return new LocalChain(ChainStore.Open(databasePath), netuid, hyperparameters, logger ?? NullLogger.Instance);
    }

    /// <summary>Opens the chain that <paramref name="options"/> describe (its database under <c>chain.data-dir</c>).</summary>
    /// <exception cref="ArgumentException">the options are invalid; the message names the key.</exception>
    public static LocalChain Open(ChainOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        return Open(options.DatabasePath, options.Netuid, options.Subnet, logger);
    }

    /// <summary>Produces one block per <paramref name="blockTime"/> until cancelled. A periodic timer keeps the
    /// schedule from drifting by the time each block (and epoch) takes. Stop this before disposing the chain.</summary>
    public async Task RunAsync(TimeSpan blockTime, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var timer = new PeriodicTimer(blockTime, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await ProduceBlockAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of the block loop.
        }
    }

    /// <summary>Advances one block and runs the epoch when <c>block − LastEpochBlock ≥ tempo</c>; returns the new block.</summary>
    public async Task<ulong> ProduceBlockAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _state.Block++;
            if (_state.Block - _state.LastEpochBlock >= _hp.Tempo)
            {
                var summary = EpochApplier.Run(_state, _hp, _store);
                ChainLog.EpochRan(_logger, summary.Index, summary.Block, summary.Neurons, summary.Validators, summary.EmissionRao);
            }
            else
            {
                _store.SaveBlock(_state.Block);
            }

            return _state.Block;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<ChainResult<ulong>> GetBlockAsync(CancellationToken cancellationToken) =>
        Locked(() => ChainResult<ulong>.Ok(_state.Block), cancellationToken);

    public Task<ChainResult<Metagraph>> GetMetagraphAsync(CancellationToken cancellationToken) =>
        Locked(() => ChainResult<Metagraph>.Ok(new Metagraph(
            _netuid, _state.Block, _state.LastEpochBlock, _hp, _state.Neurons.Select(ToInfo).ToArray())), cancellationToken);

    public Task<ChainResult<SubnetHyperparameters>> GetHyperparametersAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<SubnetHyperparameters>.Ok(_hp));

    public Task<ChainResult<ushort>> RegisterAsync(string hotkey, string coldkey, CancellationToken cancellationToken) =>
        Locked(() =>
        {
            if (!AccountAddress.IsValid(hotkey) || !AccountAddress.IsValid(coldkey))
            {
                return ChainResult<ushort>.Fail(ChainErrorCode.InvalidAddress, $"'{(AccountAddress.IsValid(hotkey) ? coldkey : hotkey)}' is not an SS58 address (prefix 42, valid checksum)");
            }

            var outcome = Registration.Register(_state, _hp, hotkey, coldkey);
            if (!outcome.IsOk)
            {
                return ChainResult<ushort>.Fail(outcome.Error!);
            }

            var (record, replaced) = outcome.Value!;
            _store.SaveNeuron(record);
            if (replaced is null)
            {
                ChainLog.Registered(_logger, hotkey, record.Uid, _state.Block);
            }
            else
            {
                ChainLog.Replaced(_logger, hotkey, record.Uid, _state.Block, replaced);
            }

            return ChainResult<ushort>.Ok(record.Uid);
        }, cancellationToken);

    public Task<ChainResult<bool>> ServeAxonAsync(string hotkey, string ip, int port, CancellationToken cancellationToken) =>
        Locked(() =>
        {
            if (!_state.ByHotkey.TryGetValue(hotkey, out var neuron))
            {
                return ChainResult<bool>.Fail(ChainErrorCode.NotRegistered, $"hotkey {hotkey} is not registered on netuid {_netuid}");
            }

            if (!IPAddress.TryParse(ip, out var address) || port is < 1 or > 65_535)
            {
                return ChainResult<bool>.Fail(ChainErrorCode.InvalidAxon, $"'{ip}:{port}' is not an IP address and port 1-65535");
            }

            neuron.AxonIp = address.ToString();
            neuron.AxonPort = port;
            _store.SaveNeuron(neuron);
            return ChainResult<bool>.Ok(true);
        }, cancellationToken);

    public Task<ChainResult<ulong>> AddStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken) =>
        Locked(() => ChangeStake(coldkey, hotkey, amountRao, add: true), cancellationToken);

    public Task<ChainResult<ulong>> RemoveStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken) =>
        Locked(() => ChangeStake(coldkey, hotkey, amountRao, add: false), cancellationToken);

    public Task<ChainResult<bool>> SetWeightsAsync(SignedWeights weights, CancellationToken cancellationToken) =>
        Locked(() =>
        {
            ArgumentNullException.ThrowIfNull(weights);
            var (hotkey, w) = (weights.Hotkey, weights.Weights);
            if (!_state.ByHotkey.TryGetValue(hotkey, out var self))
            {
                return ChainResult<bool>.Fail(ChainErrorCode.NotRegistered, $"hotkey {hotkey} is not registered on netuid {_netuid}");
            }

            if (WeightsSignature.Check(weights, _netuid, self.LastUpdate) is { } refused)
            {
                return ChainResult<bool>.Fail(refused);
            }

            var (uids, values) = (w.Uids, w.Values);
            var error = WeightsCheck.Validate(
                self, _state.Neurons, _state.HotkeyStake(hotkey), _hp, _state.Block, uids, values, w.VersionKey);
            if (error is not null)
            {
                return ChainResult<bool>.Fail(error);
            }

            // The rate limit (when above 0) refuses this too, with its own reason; with none, LastUpdate, the
            // nonce the call was signed against, cannot move within a block, so one call per block counts.
            if (self.WeightsSetAt == _state.Block && self.WeightsSetAt != 0)
            {
                return ChainResult<bool>.Fail(ChainErrorCode.StaleWeights,
                    $"uid {self.Uid} already set weights in block {_state.Block}, and a call signed against its last update counts once; sign again in a later block");
            }

            var upscaled = WeightUpscale.MaxUpscale(values);
            self.Weights = uids.Select((uid, k) => new UidValue(uid, upscaled[k])).ToArray();
            self.LastUpdate = _state.Block;
            self.WeightsSetAt = _state.Block;
            _store.SaveNeuron(self);
            return ChainResult<bool>.Ok(true);
        }, cancellationToken);

    public Task<ChainResult<IReadOnlyList<WeightsRow>>> GetWeightsAsync(CancellationToken cancellationToken) =>
        Locked(() => ChainResult<IReadOnlyList<WeightsRow>>.Ok(
            _state.Neurons.Select(n => new WeightsRow(n.Uid, n.Hotkey, n.LastUpdate, n.Weights.ToArray())).ToArray()), cancellationToken);

    public Task<ChainResult<IReadOnlyList<EpochSummary>>> GetEpochsAsync(int limit, CancellationToken cancellationToken) =>
        Locked(() => ChainResult<IReadOnlyList<EpochSummary>>.Ok(_store.LoadEpochs(Math.Clamp(limit, 1, 10_000))), cancellationToken);

    public void Dispose()
    {
        _store.Dispose();
        _gate.Dispose();
    }

    private ChainResult<ulong> ChangeStake(string coldkey, string hotkey, ulong amountRao, bool add)
    {
        if (!AccountAddress.IsValid(coldkey))
        {
            return ChainResult<ulong>.Fail(ChainErrorCode.InvalidAddress, $"'{coldkey}' is not an SS58 address (prefix 42, valid checksum)");
        }

        if (!_state.ByHotkey.ContainsKey(hotkey))
        {
            return ChainResult<ulong>.Fail(ChainErrorCode.NotRegistered, $"hotkey {hotkey} is not registered on netuid {_netuid}");
        }

        if (amountRao == 0)
        {
            return ChainResult<ulong>.Fail(ChainErrorCode.InvalidAmount, "the amount must be at least 1 rao");
        }

        var held = _state.Stakes.GetValueOrDefault((coldkey, hotkey));
        if (!add && held < amountRao)
        {
            return ChainResult<ulong>.Fail(ChainErrorCode.InsufficientStake, $"coldkey {coldkey} holds {held} rao on {hotkey}; cannot remove {amountRao}");
        }

        if (add && ulong.MaxValue - _state.HotkeyStake(hotkey) < amountRao)
        {
            return ChainResult<ulong>.Fail(ChainErrorCode.InvalidAmount, "the stake would overflow 2^64 rao");
        }

        var updated = add ? held + amountRao : held - amountRao;
        _state.SetStake(coldkey, hotkey, updated);
        _store.SaveStake(coldkey, hotkey, updated);
        return ChainResult<ulong>.Ok(_state.HotkeyStake(hotkey));
    }

    private NeuronInfo ToInfo(NeuronRecord n) => new()
    {
        Uid = n.Uid,
        Hotkey = n.Hotkey,
        Coldkey = n.Coldkey,
        StakeRao = _state.HotkeyStake(n.Hotkey),
        AxonIp = n.AxonIp,
        AxonPort = n.AxonPort,
        ValidatorPermit = n.ValidatorPermit,
        Active = n.Active,
        Incentive = n.Incentive,
        Dividends = n.Dividends,
        Trust = n.Trust,
        ValidatorTrust = n.ValidatorTrust,
        Consensus = n.Consensus,
        Rank = n.Rank,
        EmissionRao = n.EmissionRao,
        LastUpdate = n.LastUpdate,
        RegisteredAt = n.RegisteredAt,
    };

    private async Task<ChainResult<T>> Locked<T>(Func<ChainResult<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return action();
        }
        finally
        {
            _gate.Release();
        }
    }
}
