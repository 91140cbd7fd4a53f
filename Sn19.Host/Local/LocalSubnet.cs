namespace Sn19.Host.Local;

using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;
using Sn19.Actors.Crypto;
using Sn19.Actors.Persistence;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Wire;
using Microsoft.Extensions.Configuration;
using Sn19.Host.Admin;
using Sn19.Host.Dashboard;
using Sn19.Host.Configuration;
using Sn19.Host.Miner;
using Sn19.Host.Organic;
using Sn19.Host.Validator;
using Sn19.Inference.Generation;

/// <summary>
/// A whole subnet in one process: the local chain, a validator with an in-process signer, and miners on
/// loopback, each an ordinary <see cref="MinerNode"/> over HTTP with the signed envelope. Steps:
///   1. create the test models on first run;
///   2. open the chain in the data directory and start producing blocks;
///   3. register the validator (with stake) and the miners, start the miners and publish their axons;
///   4. run the validator for the asked number of periods, printing each period and the weights.
/// Everything lives under the data directory and is reused by the next run.
/// </summary>
internal sealed class LocalSubnet(Sn19Configuration configuration, LocalOptions options, string dataDir, TextWriter output)
{
    private const double RaoPerTao = 1e9;

    public async Task<int> RunAsync(int? periods, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDir);
        var (taskModel, otherModel) = LocalModels.Ensure(options, dataDir, output);
        using var loggers = Logging.Sn19Logging.CreateLoggerFactory(configuration.Root);
        var logger = loggers.CreateLogger("Sn19.Local");
        using var chain = LocalChain.Open(Path.Combine(dataDir, "chain.db"), 1, Hyperparameters(), loggers.CreateLogger("Sn19.Chain"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var blocks = chain.RunAsync(options.BlockTime, TimeProvider.System, stop.Token);

        var validatorKey = Sr25519Keypair.FromSecretUri(options.ValidatorUri);
        // One reading of the configuration serves the validator and every miner (same tasks, same period).
        var settings = ValidatorSettingsFactory.Create(configuration, configuration.GetOptions<ValidatorOptions>("validator"), validatorKey.Ss58Address);
        await RegisterValidatorAsync(chain, validatorKey, cancellationToken);
        var metagraph = new MetagraphWatcher(chain, logger);
        using var backends = new BackendCache(new LocalEngineOptions { MaxContext = 0, MaxConcurrentSequences = 2 });
        var miners = new List<LocalMiner>();
        try
        {
            foreach (var miner in options.Miners)
            {
                miners.Add(await StartMinerAsync(chain, metagraph, backends, miner, miner.Model == "task" ? taskModel : otherModel, settings, loggers, cancellationToken));
            }

            await metagraph.RefreshAsync(cancellationToken);
            // The local miners share one view of the validators' stake, kept fresh by one actor on the first miner's node.
            miners[0].Node.System.ActorOf(MetagraphRefreshActor.Props(metagraph, TimeSpan.FromSeconds(5)), "metagraph");
            var tables = new PeriodTables(output, miners.ToDictionary(m => m.Hotkey, m => m.Name), settings.Tasks.Enabled.Select(t => t.Id).ToArray());
            if (options.RunsCluster)
            {
                if (OperatingSystem.IsWindows())
                {
                    throw new PlatformNotSupportedException("a local validator cluster signs through a Unix socket");
                }

                output.WriteLine("Miners: " + string.Join(", ", miners.Select(m => $"{m.Name} {m.Hotkey}")));
                await new LocalValidatorCluster(configuration.Root, options, dataDir, output, logger)
                    .RunAsync(chain, validatorKey, taskModel, settings.Mechanism.Period, miners, periods, cancellationToken);
            }
            else
            {
                await RunInProcessAsync(chain, validatorKey, taskModel, settings, backends, tables, loggers, logger, periods, cancellationToken);
            }

            if (await NextEpochAsync(chain, cancellationToken) is { } epoch)
            {
                tables.Epoch(epoch);
            }

            await stop.CancelAsync();
            await blocks;
            return Cli.ExitCodes.Ok;
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var miner in miners)
            {
                await miner.Node.DisposeAsync();
            }
        }
    }

    /// <summary>The validator in this process: an in-process signer, the journal in SQLite, the admin API; prints each period.</summary>
    private async Task RunInProcessAsync(
        LocalChain chain, Sr25519Keypair validatorKey, string taskModel, ValidatorSettings settings, BackendCache backends, PeriodTables tables,
        ILoggerFactory loggers, ILogger logger, int? periods, CancellationToken cancellationToken)
    {
        var checkerBackend = (LocalInferenceBackend)backends.For(new MinerTaskOptions { ModelFile = taskModel }, options.ModelName, "local.models");
        var checker = new LlmResultChecker(new EngineSequenceScorer(checkerBackend, options.ModelName), settings.Checks, settings.Seed, settings.Tasks.ExactModelMatch);
        var signer = InProcessHotkeySigner.Create(
            new Sr25519MessageSigner(validatorKey), "validator", TimeProvider.System, TimeSpan.FromSeconds(120), logger);
        var persistence = new PersistenceOptions { Sqlite = new SqlitePersistenceOptions { Path = Path.Combine(dataDir, "validator-journal.db") } };
        await using var node = await ValidatorNode.StartAsync(
            settings, chain, signer, configuration.Root.GetSection("akka"), persistence,
            ValidatorSettingsFactory.Cluster(configuration, persistence), ValidatorSettingsFactory.LoadCorpus(settings.Synthetics), [checker], loggers,
            TimeProvider.System, cancellationToken);

        await using var admin = await StartAdminAsync(node, cancellationToken);
        await using var organic = await OrganicHosting.StartAsync(
            configuration, node, ValidatorSettingsFactory.Cluster(configuration, persistence), loggers, output, required: false, cancellationToken);
        await using var dashboard = await DashboardHosting.StartAsync(configuration, node, admin?.Token ?? "", output, required: false, cancellationToken);
        await tables.RunAsync(node, chain, validatorKey.Ss58Address, dataDir, settings, periods, cancellationToken);
    }

    /// <summary>
    /// The validator's admin API for `sn19 ctl`, with the token from <c>admin.token</c> or one kept in the data
    /// directory. A busy port costs only the API: the subnet runs on without it.
    /// </summary>
    private async Task<AdminServer?> StartAdminAsync(ValidatorNode node, CancellationToken cancellationToken)
    {
        var options = configuration.Root.GetSection("admin").Get<AdminOptions>() ?? new AdminOptions();
        if (!options.Enabled)
        {
            return null;
        }

        var tokenFile = Path.Combine(dataDir, "admin.token");
        var token = "the admin.token setting";
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            options.Token = AdminTokenFile.ReadOrCreate(tokenFile);
            token = $"\"$(cat {Path.GetFullPath(tokenFile)})\"";
        }

        try
        {
            var server = await AdminServer.StartAsync(node.System, options, node, cancellationToken, OrganicHosting.KeyDefaults(configuration));
            output.WriteLine($"Live actors: sn19 ctl actors --url {server.Address} --token {token}");
            return server;
        }
        catch (ConfigurationException error) when (error.Key == "admin.port")
        {
            output.WriteLine($"The admin API could not start ({error.Detail}); running without it.");
            return null;
        }
    }

    /// <summary>
    /// Waits for the Yuma epoch after the last weights were set (at most one tempo of blocks) so the final
    /// incentives reflect them; null when the chain stopped answering.
    /// </summary>
    private async Task<Metagraph?> NextEpochAsync(LocalChain chain, CancellationToken cancellationToken)
    {
        var before = await chain.GetMetagraphAsync(cancellationToken);
        if (!before.IsOk)
        {
            return null;
        }

        output.WriteLine($"Waiting for the next Yuma epoch (every {options.Tempo} blocks) to show the incentives ...");
        var deadline = DateTimeOffset.UtcNow + (options.BlockTime * (options.Tempo + 5));
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(options.BlockTime, cancellationToken);
            var now = await chain.GetMetagraphAsync(cancellationToken);
            if (now.IsOk && now.Value!.LastEpochBlock > before.Value!.LastEpochBlock)
            {
                return now.Value;
            }
        }

        return null;
    }

    private SubnetHyperparameters Hyperparameters() => new()
    {
        Tempo = options.Tempo,
        WeightsRateLimit = options.WeightsRateLimit,
        ImmunityPeriod = 1_000,
    };

    private async Task RegisterValidatorAsync(LocalChain chain, Sr25519Keypair validator, CancellationToken cancellationToken)
    {
        var coldkey = Sr25519Keypair.FromSecretUri(options.ValidatorUri + "//cold").Ss58Address;
        await Expect(chain.RegisterAsync(validator.Ss58Address, coldkey, cancellationToken), "register the validator");
        var metagraph = (await chain.GetMetagraphAsync(cancellationToken)).GetValueOrThrow();
        var current = metagraph.Neurons.First(n => n.Hotkey == validator.Ss58Address).StakeRao;
        var target = (ulong)(options.ValidatorStake * RaoPerTao);
        if (current < target)
        {
            await Expect(chain.AddStakeAsync(coldkey, validator.Ss58Address, target - current, cancellationToken), "stake the validator");
        }
    }

    private async Task<LocalMiner> StartMinerAsync(
        LocalChain chain, MetagraphWatcher metagraph, BackendCache backends, LocalMinerOptions miner, string modelFile, ValidatorSettings subnet,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var key = Sr25519Keypair.FromSecretUri(miner.Uri);
        var taskOptions = new MinerTaskOptions { ModelFile = modelFile, Capacity = miner.Capacity, AdvertisedCapacity = miner.AdvertisedCapacity, MaxQueue = options.MinerMaxQueue };
        var backend = new InferenceMinerBackend(backends.For(taskOptions, options.ModelName, "local.models"));
        var tasks = subnet.Tasks.Enabled.ToDictionary(t => t.Id, t => ServedTask.Create(t, backend, taskOptions), StringComparer.Ordinal);
        var envelope = new EnvelopeOptions();
        var settings = new MinerNodeSettings(key.Ss58Address, new HostPort("127.0.0.1", 0), subnet.Mechanism.Period, envelope, tasks, TimeProvider.System);
        var node = await MinerNode.StartAsync(settings, metagraph, Sr25519SignatureVerifier.Instance, loggers, cancellationToken);
        var coldkey = Sr25519Keypair.FromSecretUri(miner.Uri + "//cold").Ss58Address;
        if (await MinerRunner.AnnounceAsync(chain, subtensor: false, key.Ss58Address, coldkey, "127.0.0.1", node.Address.Port, cancellationToken) is { } refused)
        {
            await node.DisposeAsync();
            throw new InvalidOperationException($"the local chain refused miner {miner.Name}: {refused}");
        }

        return new LocalMiner(miner.Name, key.Ss58Address, node, tasks);
    }

    private static async Task Expect<T>(Task<ChainResult<T>> call, string what)
    {
        var result = await call;
        if (!result.IsOk && result.Error!.Code != ChainErrorCode.AlreadyRegistered)
        {
            throw new InvalidOperationException($"could not {what}: {result.Error.Message}");
        }
    }
}
