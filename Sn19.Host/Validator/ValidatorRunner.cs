namespace Sn19.Host.Validator;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Cluster;
using Sn19.Actors.Persistence;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.Checks;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Validation;
using Sn19.Host.Admin;
using Sn19.Host.Chain;
using Sn19.Host.Configuration;
using Sn19.Host.Dashboard;
using Sn19.Host.Logging;
using Sn19.Host.Miner;
using Sn19.Host.Organic;
using Sn19.Host.Signer;
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

        var (signer, problem, exitCode) = await SignerClientConnector.ConnectAsync(configuration.Root, "sn19 validator", cancellationToken);
        if (signer is null)
        {
            await error.WriteLineAsync(problem);
            return exitCode;
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
            await using var connection = await ChainConnection.OpenOrExplainAsync(
                configuration.Root, signer, "sn19 validator", error, cancellationToken, dataDir, logger);
            if (connection is null)
            {
                return Cli.ExitCodes.Failure;
            }

            var chain = connection.Chain;
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
}
