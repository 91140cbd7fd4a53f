namespace Sn19.Benchmarks.Host.Organic;

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;
using Sn19.Actors.Cluster;
using Sn19.Actors.Crypto;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Organic;
using Sn19.Actors.Persistence;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Wire;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;
using Sn19.Host.Local;
using Sn19.Host.Miner;
using Sn19.Host.Organic;
using Sn19.Host.Validator;

/// <summary>
/// What the organic gateway adds to a request, measured against a miner that answers at once
/// (<see cref="InstantMinerBackend"/>): the same non-streamed chat request at a fixed rate, once straight to the miners
/// (signed by the validator's own query client, as the gateway sends it) and once through the gateway (key check,
/// credit held and the charge journaled, routing, relaying). All in this process on loopback: a local chain,
/// the miner nodes, a validator node with its organic API on SQLite. Prints p50 and p99 per path and rate, and the
/// difference.
/// <code>dotnet run -c Release --project Sn19.Benchmarks -- organic-overhead [--rates 200,1000] [--seconds 10] [--tokens 8] [--miners 4] [--keys 32] [--journal sqlite|postgres]</code>
/// The journal is the node's: SQLite (one node, the default) or PostgreSQL (a cluster's; SN19_TEST_POSTGRES, else this
/// machine's, started by scripts/ensure-postgres.sh), in a schema of its own dropped afterwards.
/// </summary>
internal static class OrganicOverheadReport
{
    public const string Command = "organic-overhead";
    private const string TaskId = "chat";

    public static async Task<int> RunAsync(string[] args)
    {
        var rates = (ReportArguments.Option(args, "--rates") ?? "200,1000").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var seconds = ReportArguments.IntOption(args, "--seconds", 10);
        var tokens = ReportArguments.IntOption(args, "--tokens", 8);
        var keyCount = ReportArguments.IntOption(args, "--keys", 32);
        var minerCount = ReportArguments.IntOption(args, "--miners", 4);
        var journal = ReportArguments.Option(args, "--journal") ?? "sqlite";
        var postgres = journal == "postgres"
            ? Environment.GetEnvironmentVariable("SN19_TEST_POSTGRES") is { Length: > 0 } fromTests ? fromTests : await LocalPostgres.EnsureAsync(CancellationToken.None)
            : null;
        var directory = Directory.CreateTempSubdirectory("sn19-organic-overhead");
        try
        {
            await using var rig = await Rig.StartAsync(directory.FullName, tokens, minerCount, postgres);
            Console.WriteLine($"Period open; gateway at {rig.Gateway}. {seconds} s per run, {tokens} tokens per answer, {minerCount} miners, " +
                $"{keyCount} keys, {journal} journal, {Environment.ProcessorCount} cores.");
            var secrets = new List<string>();
            for (var k = 0; k < keyCount; k++)
            {
                var (id, secret) = ApiKeySecret.Create();
                await rig.Keys.IssueAsync(new IssueKey(id, $"bench-{k}", ApiKeySecret.Hash(secret), 1_000_000m, 0, 0), CancellationToken.None);
                secrets.Add(secret);
            }

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2) })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            var body = Encoding.UTF8.GetBytes($$"""{"model":"{{TaskId}}","messages":[{"role":"user","content":"What is the subnet?"}],"max_tokens":{{tokens}}}""");
            var minerRequest = new TextRequest { Model = TaskId, Messages = [new ChatMessage("user", "What is the subnet?")], MaxTokens = tokens, Temperature = 1, Seed = 7 };

            // Warm both paths (JIT, connection pools, the keys' entities) before measuring.
            await OpenLoopLoad.RunAsync("warm-up", 200, TimeSpan.FromSeconds(2), i => ViaGatewayAsync(http, rig.Gateway, secrets[i % secrets.Count], body));
            await OpenLoopLoad.RunAsync("warm-up", 200, TimeSpan.FromSeconds(2), i => DirectAsync(rig, i, minerRequest));

            var samples = new List<LatencySample>();
            foreach (var rate in rates)
            {
                samples.Add(await OpenLoopLoad.RunAsync("direct", rate, TimeSpan.FromSeconds(seconds), i => DirectAsync(rig, i, minerRequest)));
                samples.Add(await OpenLoopLoad.RunAsync(
                    "gateway", rate, TimeSpan.FromSeconds(seconds), i => ViaGatewayAsync(http, rig.Gateway, secrets[i % secrets.Count], body)));
            }

            Print(samples);
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<string?> DirectAsync(Rig rig, int index, TextRequest request)
    {
        var (axon, hotkey) = rig.Miners[index % rig.Miners.Count];
        var result = await rig.Client.QueryAsync(axon, hotkey, request, CancellationToken.None);
        return result.Status == QueryStatus.Ok ? null : "direct: " + result.Failure;
    }

    private static async Task<string?> ViaGatewayAsync(HttpClient http, Uri gateway, string secret, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "v1/chat/completions")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        try
        {
            using var response = await http.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? null : $"gateway: HTTP {(int)response.StatusCode} {Reason(answer)}";
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return "gateway: " + error.GetType().Name;
        }
    }

    /// <summary>The error message of an OpenAI error body, shortened to what groups failures of one kind.</summary>
    private static string Reason(string body)
    {
        var at = body.IndexOf("\"message\":\"", StringComparison.Ordinal);
        return at < 0 ? "" : new string(body[(at + 11)..].TakeWhile(c => c != '"').Take(90).ToArray());
    }

    private static void Print(List<LatencySample> samples)
    {
        Console.WriteLine();
        Console.WriteLine("| rate (req/s) | path    | answered | failed | p50 ms | p99 ms |");
        Console.WriteLine("|-------------:|---------|---------:|-------:|-------:|-------:|");
        foreach (var s in samples)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Rate,12} | {s.Path,-7} | {s.Milliseconds.Count,8} | {s.Failures,6} | {s.Percentile(50),6:F2} | {s.Percentile(99),6:F2} |"));
        }

        Console.WriteLine();
        foreach (var rate in samples.Select(s => s.Rate).Distinct())
        {
            var direct = samples.First(s => s.Rate == rate && s.Path == "direct");
            var gateway = samples.First(s => s.Rate == rate && s.Path == "gateway");
            var failures = gateway.Failures + direct.Failures > 0
                ? " (failures: " + string.Join(", ", direct.FailureKinds.Concat(gateway.FailureKinds).Select(f => $"{f.Key} x{f.Value}")) + ")"
                : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rate} req/s: the gateway adds {gateway.Percentile(50) - direct.Percentile(50):F2} ms at p50 and {gateway.Percentile(99) - direct.Percentile(99):F2} ms at p99{failures}"));
        }
    }

    /// <summary>The chain, the instant miner, the validator node and its gateway, started and torn down together.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> _parts = [];
        private readonly CancellationTokenSource _stop = new();
        private Task _blocks = Task.CompletedTask;
        private PeriodRun? _periods;
        private LocalChain? _chain;

        /// <summary>Each miner's axon and hotkey; the direct path spreads its requests over them as the gateway's routing does.</summary>
        public List<(Uri Axon, string Hotkey)> Miners { get; } = [];

        public Uri Gateway { get; private set; } = null!;

        public ApiKeys Keys { get; private set; } = null!;

        public MinerQueryClient Client { get; private set; } = null!;

        private string? _postgres;
        private string? _schema;

        public static async Task<Rig> StartAsync(string directory, int tokens, int miners, string? postgres)
        {
            var rig = new Rig { _postgres = postgres, _schema = postgres is null ? null : $"bench_organic_{Environment.ProcessId}" };
            var period = TimeSpan.FromMinutes(2);
            var chain = LocalChain.Open(Path.Combine(directory, "chain.db"), 1, new SubnetHyperparameters { Tempo = 100, WeightsRateLimit = 10, ImmunityPeriod = 1000 });
            rig._chain = chain;
            rig._blocks = chain.RunAsync(TimeSpan.FromSeconds(1), TimeProvider.System, rig._stop.Token);
            var validatorKey = Sr25519Keypair.FromSecretUri("//Alice");
            var coldkey = Sr25519Keypair.FromSecretUri("//Alice//cold").Ss58Address;
            (await chain.RegisterAsync(validatorKey.Ss58Address, coldkey, CancellationToken.None)).GetValueOrThrow();
            (await chain.AddStakeAsync(coldkey, validatorKey.Ss58Address, 10_000_000_000_000, CancellationToken.None)).GetValueOrThrow();

            var registry = TaskRegistry.TryCreate(
                new Dictionary<string, TaskOptions>(StringComparer.Ordinal)
                {
                    // Capacity no load run can use up; few synthetics (one per million tokens of capacity), so the runs measure organic requests.
                    [TaskId] = new() { Kind = "chat", Model = "bench-model", Endpoint = "/v1/chat/completions", MaxCapacity = 10_000_000, Weight = 1, VolumePerRequest = 1_000_000, Timeout = TimeSpan.FromSeconds(10) },
                },
                out _)!;
            var settings = new ValidatorSettings(
                validatorKey.Ss58Address, new MechanismOptions { Period = period }, registry, new SyntheticOptions(), new QueryTimeouts(), new LlmCheckOptions(), 19,
                MaxConcurrentQueries: 4, CapacityTimeout: TimeSpan.FromSeconds(5));

            var metagraph = new MetagraphWatcher(chain, NullLogger.Instance);
            for (var m = 0; m < miners; m++)
            {
                var minerUri = $"//Miner{m}";
                var minerKey = Sr25519Keypair.FromSecretUri(minerUri);
                var minerTasks = registry.Enabled.ToDictionary(
                    t => t.Id, t => ServedTask.Create(t, new InstantMinerBackend(tokens), new MinerTaskOptions { Capacity = 10_000_000, Concurrency = 256, MaxQueue = 4096 }),
                    StringComparer.Ordinal);
                var miner = await MinerNode.StartAsync(
                    new MinerNodeSettings(
                        minerKey.Ss58Address, new HostPort("127.0.0.1", 0), period,
                        // A miner sized for the load. Its defaults protect a miner from one validator: 8 requests awaiting their
                        // signature check, and 16,384 live nonces (about 68 requests a second sustained over the 120 s window).
                        new EnvelopeOptions { MaxUnverifiedPerValidator = 4096, ReplayCachePerValidator = 1_000_000 }, minerTasks, TimeProvider.System),
                    metagraph, Sr25519SignatureVerifier.Instance, NullLoggerFactory.Instance, CancellationToken.None);
                rig._parts.Add(miner);
                await MinerRunner.AnnounceAsync(
                    chain, subtensor: false, minerKey.Ss58Address, Sr25519Keypair.FromSecretUri(minerUri + "//cold").Ss58Address, "127.0.0.1", miner.Address.Port, CancellationToken.None);
                rig.Miners.Add((miner.Address, minerKey.Ss58Address));
            }

            await metagraph.RefreshAsync(CancellationToken.None);

            var signer = InProcessHotkeySigner.Create(new Sr25519MessageSigner(validatorKey), "validator", TimeProvider.System, TimeSpan.FromMinutes(2), NullLogger.Instance);
            var persistence = postgres is null
                ? new PersistenceOptions { Sqlite = new SqlitePersistenceOptions { Path = Path.Combine(directory, "journal.db") } }
                : new PersistenceOptions { Provider = "postgres", Postgres = new PostgresPersistenceOptions { ConnectionString = postgres, Schema = rig._schema! } };
            var cluster = new ClusterOptions { Roles = [ClusterRoles.Scoring, ClusterRoles.Organic] };
            var node = await ValidatorNode.StartAsync(
                settings, chain, signer, null, persistence, cluster, ValidatorSettingsFactory.LoadCorpus(settings.Synthetics), [], NullLoggerFactory.Instance,
                TimeProvider.System, CancellationToken.None);
            rig._parts.Add(node);
            rig._periods = node.StartPeriods(null, _ => Task.CompletedTask, (_, _) => { });
            var gateway = await OrganicServer.StartAsync(node, new OrganicOptions { Port = 0, MaxTokens = 1024 }, TimeSpan.FromSeconds(5), NullLoggerFactory.Instance, CancellationToken.None);
            rig._parts.Add(gateway);
            rig.Gateway = new Uri(gateway.Address + "/");
            rig.Keys = node.Keys!;
            var queries = MinerQueryClient.CreateHttpClient(settings.Timeouts);
            rig.Client = new MinerQueryClient(queries, signer, settings.Timeouts, TimeProvider.System);
            await WaitForOpenPeriodAsync(rig, period);
            return rig;
        }

        public async ValueTask DisposeAsync()
        {
            if (_periods is not null)
            {
                await _periods.DisposeAsync();
            }

            foreach (var part in Enumerable.Reverse(_parts))
            {
                await part.DisposeAsync();
            }

            await _stop.CancelAsync();
            await _blocks;
            _chain?.Dispose();
            if (_postgres is not null)
            {
                await using var source = Npgsql.NpgsqlDataSource.Create(_postgres);
                await using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
                await drop.ExecuteNonQueryAsync();
            }
        }

        /// <summary>Organic requests are routed only inside a period: waits for the first to open (at most one period).</summary>
        private static async Task WaitForOpenPeriodAsync(Rig rig, TimeSpan period)
        {
            Console.WriteLine($"Waiting for the first scoring period to open (periods of {period.TotalSeconds:F0} s start on the clock) ...");
            var deadline = DateTimeOffset.UtcNow + period + TimeSpan.FromSeconds(30);
            using var http = new HttpClient();
            var body = Encoding.UTF8.GetBytes($$"""{"model":"{{TaskId}}","messages":[{"role":"user","content":"ping"}],"max_tokens":1}""");
            var (id, secret) = ApiKeySecret.Create();
            await rig.Keys.IssueAsync(new IssueKey(id, "probe", ApiKeySecret.Hash(secret), 1_000m, 0, 0), CancellationToken.None);
            while (DateTimeOffset.UtcNow < deadline)
            {
                if (await ViaGatewayAsync(http, rig.Gateway, secret, body) is null)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            throw new InvalidOperationException("no scoring period opened: the gateway never routed a request");
        }
    }
}
