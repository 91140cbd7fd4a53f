namespace Sn19.Host.Validator;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Cluster;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Wire.Fiber;
using Sn19.Actors.Wire.Queries;
using Sn19.Host.Configuration;
using Sn19.Host.Miner;

/// <summary>Turns the configuration into a validator node's settings, and names the key of anything wrong.</summary>
internal static class ValidatorSettingsFactory
{
    public static ValidatorSettings Create(Sn19Configuration configuration, ValidatorOptions options, string hotkey)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration.Root;
        var mechanism = root.GetSection("mechanism").Get<MechanismOptions>() ?? new MechanismOptions();
        if (mechanism.Validate() is { Count: > 0 } problems)
        {
            throw new ConfigurationException(string.Join("; ", problems), null, null, "mechanism");
        }

        return new ValidatorSettings(
            hotkey,
            mechanism,
            TaskRegistries.Load(root),
            Validated(root, "validator:synthetics", new SyntheticOptions(), o => o.Validate()),
            Validated(root, "validator:query:timeouts", new QueryTimeouts(), o => o.Validate()),
            Validated(root, "validator:checks:llm", new LlmCheckOptions(), o => o.Validate()),
            options.Seed,
            options.MaxConcurrentQueries,
            options.CapacityTimeout)
        {
            MetagraphRefresh = options.MetagraphRefresh,
            ReservationHold = configuration.GetOptions<Organic.OrganicOptions>("organic").ReservationHold,
            Fiber = Validated(root, FiberOptions.Section, new FiberOptions(), o =>
            {
                if (o.Validate() is { } problem)
                {
                    throw new InvalidOperationException(problem);
                }
            }),
        };
    }

    /// <summary>
    /// How this node joins its cluster (<c>validator.cluster</c>). More than one node on SQLite is refused here,
    /// before anything starts: a SQLite journal has one writer.
    /// </summary>
    public static ClusterOptions Cluster(Sn19Configuration configuration, PersistenceOptions persistence)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(persistence);
        var cluster = configuration.Root.GetSection("validator:cluster").Get<ClusterOptions>() ?? new ClusterOptions();
        if (cluster.Validate("validator.cluster") is { Count: > 0 } problems)
        {
            throw new ConfigurationException(string.Join("; ", problems), null, null, "validator.cluster");
        }

        if (cluster.HasOtherNodes && persistence.Provider != "postgres")
        {
            throw new ConfigurationException(
                $"validator.cluster.seed-nodes names other nodes ({string.Join(", ", cluster.SeedNodes)}) but persistence.provider is " +
                $"{persistence.Provider}: a SQLite journal has one writer, so only a cluster of one can use it. Set persistence.provider = postgres " +
                "(and persistence.postgres.connection-string) on every node of a cluster of several.",
                null, null, "validator.cluster.seed-nodes");
        }

        return cluster;
    }

    /// <summary>The validator's synthetic corpus: the configured file, or the bundled public-domain one.</summary>
    public static MarkovTextModel LoadCorpus(SyntheticOptions synthetics)
    {
        ArgumentNullException.ThrowIfNull(synthetics);
        var path = synthetics.CorpusFile.Length > 0
            ? synthetics.CorpusFile
            : Path.Combine(AppContext.BaseDirectory, "assets", "synthetic-corpus.txt");
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"the synthetic corpus {path} does not exist", null, null, "validator.synthetics.corpus-file");
        }

        return MarkovTextModel.Build(File.ReadAllText(path));
    }

    private static T Validated<T>(IConfiguration root, string section, T fallback, Action<T> validate)
    {
        var options = root.GetSection(section).Get<T>() ?? fallback;
        try
        {
            validate(options);
        }
        catch (InvalidOperationException error)
        {
            throw new ConfigurationException(error.Message, null, null, section.Replace(':', '.'));
        }

        return options;
    }
}
