namespace Sn19.Tests.Host.Miner;

using Microsoft.Extensions.Logging.Abstractions;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;
using Sn19.Actors.Subnet.Metagraphs;
using Sn19.Actors.Wire;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Actors.Wire.Queries;
using Sn19.Host.Miner;
using Sn19.Inference.Generation;
using Sn19.Tests.TestSupport;

/// <summary>
/// A miner host over real HTTP for the miner tests: a local chain (a real SQLite file) where Alice is a validator with
/// 2,000 TAO and Bob the miner, the metagraph the miner reads stake from, Bob's <see cref="MinerNode"/> serving one
/// completion task on the given model, and an HTTP client for the validator's side.
/// </summary>
internal sealed class MinerRig : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly LocalChain _chain;
    private readonly MetagraphWatcher _metagraph;
    private readonly LocalInferenceBackend _model;
    private readonly double _capacity;

    private MinerRig(TempDirectory directory, LocalChain chain, MetagraphWatcher metagraph, LocalInferenceBackend model, double capacity)
    {
        FiberKeyFile = directory.File("fiber-keys.encrypted");
        _directory = directory;
        _chain = chain;
        _metagraph = metagraph;
        _model = model;
        _capacity = capacity;
    }

    public MinerNode Miner { get; private set; } = null!;

    /// <summary>Where the miner keeps fiber keys when <see cref="KeepFiberKeys"/> is set.</summary>
    public string FiberKeyFile { get; }

    public bool KeepFiberKeys { get; set; }

    public HttpClient Http { get; } = MinerQueryClient.CreateHttpClient(new QueryTimeouts());

    public static async Task<MinerRig> StartAsync(LocalInferenceBackend model, double capacity)
    {
        var directory = new TempDirectory("sn19-miner");
        var chain = LocalChain.Open(directory.File("chain.db"), 1, new SubnetHyperparameters());
        await chain.RegisterAsync(DevKeys.Address("Alice"), DevKeys.Address("Alice//cold"), default);
        await chain.AddStakeAsync(DevKeys.Address("Alice//cold"), DevKeys.Address("Alice"), 2_000_000_000_000, default);
        await chain.RegisterAsync(DevKeys.Address("Bob"), DevKeys.Address("Bob//cold"), default);
        var metagraph = new MetagraphWatcher(chain, NullLogger.Instance);
        Assert.True(await metagraph.RefreshAsync(default));
        var rig = new MinerRig(directory, chain, metagraph, model, capacity);
        rig.Miner = await rig.StartMinerAsync(0);
        return rig;
    }

    /// <summary>Stops the miner and starts a new one on the same port: it has forgotten everything it held.</summary>
    public async Task RestartMinerAsync()
    {
        var port = Miner.Address.Port;
        await Miner.DisposeAsync();
        Miner = await StartMinerAsync(port);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Miner.DisposeAsync();
        _chain.Dispose();
        _directory.Dispose();
    }

    private Task<MinerNode> StartMinerAsync(int port)
    {
        var task = new ServedTask("completion", TextRequestKind.Completion, new InferenceMinerBackend(_model), 1, 2, _capacity, _capacity);
        var settings = new MinerNodeSettings(
            DevKeys.Address("Bob"), new HostPort("127.0.0.1", port), TimeSpan.FromHours(1), new EnvelopeOptions(),
            new Dictionary<string, ServedTask> { [task.Id] = task }, TimeProvider.System)
        {
            FiberKeyFile = KeepFiberKeys ? FiberKeyFile : null,
        };
        return MinerNode.StartAsync(settings, _metagraph, Sr25519SignatureVerifier.Instance, NullLoggerFactory.Instance, default);
    }
}
