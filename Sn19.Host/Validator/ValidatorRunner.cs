namespace Sn19.Host.Validator;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain.Http;
using Sn19.Actors.Cluster;
using Sn19.Actors.Persistence;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Validation;
using Sn19.Host.Admin;
using Sn19.Host.Configuration;
using Sn19.Host.Dashboard;
using Sn19.Host.Logging;
using Sn19.Host.Miner;
using Sn19.Host.Organic;
using Sn19.Inference.Generation;

/// <summary>
/// `sn19 validator`: connects to the signer (its hotkey comes from there), loads a checker per task model,
/// opens the journal in the data directory, serves the admin API, and scores miners period after period.
/// </summary>
internal static class ValidatorRunner
{
    public static async Task<int> RunAsync(Sn19Configuration configuration, int? periods, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = configuration.GetOptions<ValidatorOptions>("validator");
        var dataDir = configuration.GetOptions<NodeOptions>("node").FullDataDir();
        Directory.CreateDirectory(dataDir);
        using var loggers = Sn19Logging.CreateLoggerFactory(configuration.Root);
        var logger = loggers.CreateLogger("Sn19.Validator");

        var signerOptions = configuration.Root.GetSection(SignerClientOptions.Section).Get<SignerClientOptions>() ?? new SignerClientOptions();
        var token = ReadToken(signerOptions);
        if (token is null)
        {
            await error.WriteLineAsync($"sn19 validator: no signer token: set signer.client.token-file (now '{signerOptions.TokenFile}') to a file holding the token `sn19 signer new-token` made");
            return Cli.ExitCodes.UsageOrInput;
        }

        var (signer, outcome) = await SignerClient.ConnectAsync(signerOptions, token, cancellationToken);
        if (signer is null)
        {
            await error.WriteLineAsync($"sn19 validator: the signer at {signerOptions.SocketPath} refused: {outcome.Message}");
            return Cli.ExitCodes.Failure;
        }

        await using (signer)
        {
            var settings = ValidatorSettingsFactory.Create(configuration, options, signer.HotkeyAddress);
            using var backends = new BackendCache(configuration.Root.GetSection("inference:engine").Get<LocalEngineOptions>() ?? new LocalEngineOptions());
            var persistence = configuration.Root.GetSection("persistence").Get<PersistenceOptions>() ?? new PersistenceOptions();
            if (!Path.IsPathRooted(persistence.Sqlite.Path))
            {
                persistence.Sqlite.Path = Path.Combine(dataDir, persistence.Sqlite.Path);
            }

            var cluster = ValidatorSettingsFactory.Cluster(configuration, persistence);
            var checkers = Checkers(settings, options, backends, cluster, output);
            var url = configuration.Root["chain:url"] ?? "http://127.0.0.1:19944";
            using var http = new HttpClient { BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/"), Timeout = TimeSpan.FromSeconds(30) };
            var chain = new HttpChainClient(http);
            await using var node = await ValidatorNode.StartAsync(
                settings, chain, signer, configuration.Root.GetSection("akka"), persistence, cluster,
                ValidatorSettingsFactory.LoadCorpus(settings.Synthetics), checkers, loggers, TimeProvider.System, cancellationToken);
            var admin = configuration.Root.GetSection("admin").Get<AdminOptions>() ?? new AdminOptions();
            if (admin.Enabled && string.IsNullOrWhiteSpace(admin.Token))
            {
                var tokenFile = Path.Combine(dataDir, "admin.token");
                admin.Token = AdminTokenFile.ReadOrCreate(tokenFile);
                await output.WriteLineAsync($"Admin API token (no admin.token set): {tokenFile}");
            }
            await using var adminServer = await AdminServer.StartAsync(node.System, admin, node, cancellationToken, OrganicHosting.KeyDefaults(configuration));
            await using var organic = await OrganicHosting.StartAsync(configuration, node, cluster, loggers, output, required: true, cancellationToken);
            await using var dashboard = await DashboardHosting.StartAsync(configuration, node, admin.Token, output, required: true, cancellationToken);
            var tables = new PeriodTables(output, options.MinerNames, settings.Tasks.Enabled.Select(t => t.Id).ToArray());
            await tables.RunAsync(node, chain, signer.HotkeyAddress, dataDir, settings, periods, cancellationToken);
        }

        return Cli.ExitCodes.Ok;
    }

    /// <summary>
    /// One checker per task model, from <c>validator.models</c>. A node alone must check every task model (a missing
    /// one is a configuration error); a node of a cluster loads the models it has (none without the checker role),
    /// and the checks of the others go to the nodes that have them.
    /// </summary>
    private static List<IResultChecker> Checkers(
        ValidatorSettings settings, ValidatorOptions options, BackendCache backends, ClusterOptions cluster, TextWriter output)
    {
        var checkers = new List<IResultChecker>();
        if (!cluster.Has(ClusterRoles.Checker))
        {
            return checkers;
        }

        foreach (var model in settings.Tasks.Enabled.Select(t => t.Model).Distinct(StringComparer.Ordinal))
        {
            if (!options.Models.TryGetValue(model, out var file))
            {
                if (cluster.HasOtherNodes)
                {
                    output.WriteLine($"No model file for '{model}' on this node (validator.models): its checks go to the nodes that have it.");
                    continue;
                }

                throw new ConfigurationException(
                    $"validator.models has no model file for '{model}', the model of an enabled task: its results could not be checked", null, null, "validator.models");
            }

            var backend = (LocalInferenceBackend)backends.For(new MinerTaskOptions { ModelFile = file }, model, $"validator.models.{model}");
            checkers.Add(new LlmResultChecker(new EngineSequenceScorer(backend, model), settings.Checks, settings.Seed, settings.Tasks.ExactModelMatch));
        }

        return checkers;
    }

    private static string? ReadToken(SignerClientOptions options)
    {
        var path = options.TokenFile.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), options.TokenFile[2..])
            : options.TokenFile;
        return path.Length > 0 && File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
