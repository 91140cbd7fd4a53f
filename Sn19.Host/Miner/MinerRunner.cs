namespace Sn19.Host.Miner;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Sn19.Actors.Crypto.Wallets;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Wire;
using Sn19.Actors.Wire.Fiber;
using Sn19.Host.Chain;
using Sn19.Host.Configuration;
using Sn19.Host.Logging;
using Sn19.Host.Miner.Hostile;
using Sn19.Host.Signer;
using Sn19.Inference.Generation;

/// <summary>
/// `sn19 miner`: loads the served tasks' backends, registers the hotkey and publishes the axon on the chain,
/// then serves validators until stopped. The miner never reads a secret key: it needs only its public hotkey.
/// </summary>
internal static class MinerRunner
{
    /// <param name="hostile">A cheat to run instead of honest serving (`--hostile`, a testing aid); null = honest.</param>
    public static async Task<int> RunAsync(
        Sn19Configuration configuration, TextWriter output, TextWriter error, CancellationToken cancellationToken, HostileSetting? hostile = null)
    {
        var options = configuration.GetOptions<MinerOptions>("miner");
        var envelope = configuration.Root.GetSection("wire:envelope").Get<EnvelopeOptions>() ?? new EnvelopeOptions();
        envelope.Validate();
        var registry = TaskRegistries.Load(configuration.Root);
        using var loggers = Sn19Logging.CreateLoggerFactory(configuration.Root);
        var logger = loggers.CreateLogger("Sn19.Miner");

        var (hotkey, coldkey, keyError) = ResolveKeys(options, configuration.Root);
        if (keyError is not null)
        {
            await error.WriteLineAsync($"sn19 miner: {keyError}");
            return Cli.ExitCodes.UsageOrInput;
        }

        // On a Subtensor chain the axon is posted by an extrinsic the hotkey signs: the miner then needs its signer.
        var subtensor = ChainOptions.IsSubtensorUrl(configuration.Root["chain:url"]);
        SignerClient? signer = null;
        if (subtensor && options.Register)
        {
            (signer, var problem, var exitCode) = await SignerClientConnector.ConnectAsync(configuration.Root, "sn19 miner", cancellationToken);
            if (signer is null)
            {
                await error.WriteLineAsync($"{problem} (on a Subtensor chain the miner posts its axon with a serve_axon signed by the hotkey; "
                    + "with miner.register = false it does not, and the axon already on the chain is used)");
                return exitCode;
            }
        }

        await using var signerClient = signer;
        await using var connection = await ChainConnection.OpenOrExplainAsync(configuration.Root, signer, "sn19 miner", error, cancellationToken);
        if (connection is null)
        {
            return Cli.ExitCodes.Failure;
        }

        var chain = connection.Chain;
        var metagraph = new MetagraphWatcher(chain, logger);
        using var backends = new BackendCache(configuration.Root.GetSection("inference:engine").Get<LocalEngineOptions>() ?? new LocalEngineOptions());
        var tasks = new Dictionary<string, ServedTask>(StringComparer.Ordinal);
        foreach (var (id, task) in options.Tasks)
        {
            var definition = registry.Find(id)
                ?? throw new ConfigurationException($"miner.tasks.{id}: no task '{id}' in the tasks section.", null, null, $"miner.tasks.{id}");
            var model = backends.For(task, definition.Model, $"miner.tasks.{id}.{(task.ModelFile.Length > 0 ? "model-file" : "backend-url")}");
            IMinerTextBackend backend = new InferenceMinerBackend(model);
            if (hostile is not null)
            {
                backend = HostileBackends.Wrap(backend, model, definition.Model, hostile, backends, id);
            }

            tasks[id] = ServedTask.Create(definition, backend, task);
        }

        if (hostile is not null)
        {
            await output.WriteLineAsync($"sn19 miner: HOSTILE ({hostile.Kind}), a testing aid: this miner cheats on purpose and validators should score it 0");
        }

        var fiber = configuration.Root.GetSection(FiberOptions.Section).Get<FiberOptions>() ?? new FiberOptions();
        var keyFile = fiber.KeyFile.Length > 0
            ? fiber.KeyFile
            : Path.Combine(configuration.GetOptions<NodeOptions>("node").FullDataDir(), "fiber", $"{hotkey}_symmetric_keys.encrypted");
        var settings = new MinerNodeSettings(hotkey!, options.ListenAddress, options.Period, envelope, tasks, TimeProvider.System)
        {
            ServeFiber = fiber.Serve,
            FiberKeyFile = keyFile,
            FiberStorageKey = Environment.GetEnvironmentVariable("STORAGE_ENCRYPTION_KEY") is { Length: > 0 } storage ? storage : null,
        };
        await using var node = await MinerNode.StartAsync(settings, metagraph, Sr25519SignatureVerifier.Instance, loggers, cancellationToken);
        if (options.Register && await AnnounceAsync(chain, subtensor, hotkey!, coldkey!, options.AxonIp, node.Address.Port, cancellationToken) is { } refused)
        {
            await error.WriteLineAsync($"sn19 miner: the chain refused: {refused}");
            return Cli.ExitCodes.Failure;
        }

        await metagraph.RefreshAsync(cancellationToken);
        await output.WriteLineAsync($"sn19 miner: {hotkey} serving {string.Join(", ", tasks.Keys)} on {node.Address}");
        await output.FlushAsync(cancellationToken);
        node.System.ActorOf(MetagraphRefreshActor.Props(metagraph, options.MetagraphRefresh), "metagraph");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the node stops below.
        }

        return Cli.ExitCodes.Ok;
    }

    /// <summary>
    /// Registers (unless already registered) and publishes the axon; the chain's refusal, or null. On a Subtensor chain,
    /// registering burns the coldkey's TAO, which the miner never holds: the hotkey must be registered already (btcli).
    /// </summary>
    internal static async Task<string?> AnnounceAsync(
        IChain chain, bool subtensor, string hotkey, string coldkey, string ip, int port, CancellationToken cancellationToken)
    {
        if (subtensor)
        {
            var metagraph = await chain.GetMetagraphAsync(cancellationToken);
            if (!metagraph.IsOk)
            {
                return metagraph.Error!.Message;
            }

            var self = metagraph.Value!.Neurons.FirstOrDefault(n => n.Hotkey == hotkey);
            if (self is null)
            {
                return $"{hotkey} is not registered on netuid {metagraph.Value.Netuid}: register it with `btcli subnets register`, then start again";
            }

            if (self.AxonIp == ip && self.AxonPort == port)
            {
                // Already posted: a restart must not spend the serving rate limit (and fail on it).
                return null;
            }
        }
        else
        {
            var registered = await chain.RegisterAsync(hotkey, coldkey, cancellationToken);
            if (!registered.IsOk && registered.Error!.Code != ChainErrorCode.AlreadyRegistered)
            {
                return registered.Error.Message;
            }
        }

        var served = await chain.ServeAxonAsync(hotkey, ip, port, cancellationToken);
        return served.IsOk ? null : served.Error!.Message;
    }

    private static (string? Hotkey, string? Coldkey, string? Error) ResolveKeys(MinerOptions options, IConfiguration root)
    {
        if (!string.IsNullOrEmpty(options.Hotkey) && !string.IsNullOrEmpty(options.Coldkey))
        {
            return (options.Hotkey, options.Coldkey, null);
        }

        var keys = root.GetSection("keys").Get<KeysOptions>() ?? new KeysOptions();
        var wallet = new WalletStore(keys.ResolvedWalletsRoot()).Open(options.Wallet);
        // Only the public files: the secret hotkey file stays with the signer.
        var hotkey = options.Hotkey.Length > 0 ? options.Hotkey : wallet.HotkeyPub(options.WalletHotkey).Read(null).Data?.Ss58Address;
        var coldkey = options.Coldkey.Length > 0 ? options.Coldkey : wallet.ColdkeyPub.Read(null).Data?.Ss58Address;
        return hotkey is null || coldkey is null
            ? (null, null, $"no miner.hotkey/miner.coldkey set and wallet '{options.Wallet}' (hotkey '{options.WalletHotkey}') has no public key files under {keys.ResolvedWalletsRoot()}")
            : (hotkey, coldkey, null);
    }
}
