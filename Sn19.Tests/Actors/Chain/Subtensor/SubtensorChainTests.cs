namespace Sn19.Tests.Actors.Chain.Subtensor;

using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Subtensor;
using Sn19.Actors.Chain.Subtensor.CommitReveal;
using Sn19.Actors.Chain.Subtensor.Rpc;
using Sn19.Actors.Signing;
using Sn19.Tests.Chopsticks;
using Sn19.Tests.TestSupport;

/// <summary>
/// <see cref="SubtensorChain"/> against a real Subtensor runtime (chopsticks on the raonet spec, loopback): the metagraph
/// and hyperparameters it reads are the ones the test wrote into storage, and the runtime dispatches the weights and axon
/// extrinsics it signs, or refuses them with an error the client names.
/// </summary>
[Collection(ChopsticksCollection.Name)]
public sealed class SubtensorChainTests(ChopsticksFixture chopsticks)
{
    private static readonly SubtensorChainOptions Quick = new(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));

    private readonly string _validator = TestKeys.Address("subtensor-validator", 1);
    private readonly string _minerA = TestKeys.Address("subtensor-miner", 1);
    private readonly string _minerB = TestKeys.Address("subtensor-miner", 2);
    private readonly string _owner = TestKeys.Address("subtensor-cold", 1);

    [Fact]
    public async Task Metagraph_OfASubnetInStorage_ReadsEveryNeuronAndTheHyperparameters()
    {
        await using var chain = await SubnetAsync(11, null);

        var metagraph = (await chain.GetMetagraphAsync(CancellationToken.None)).GetValueOrThrow();

        Assert.Equal([_validator, _minerA, _minerB], metagraph.Neurons.Select(n => n.Hotkey));
        Assert.All(metagraph.Neurons, n => Assert.Equal(_owner, n.Coldkey));
        Assert.Equal([true, false, false], metagraph.Neurons.Select(n => n.ValidatorPermit));
        Assert.Equal(("10.0.0.2", 8092), (metagraph.Neurons[1].AxonIp, metagraph.Neurons[1].AxonPort));
        Assert.Null(metagraph.Neurons[0].AxonIp);
        Assert.Equal(2_000_000_000_000UL, metagraph.Neurons[0].StakeRao);
        Assert.Equal(12UL, metagraph.Hyperparameters.Tempo);
        Assert.Equal(0UL, metagraph.Hyperparameters.WeightsRateLimit);
        Assert.False(metagraph.Hyperparameters.CommitRevealEnabled);
    }

    [Fact]
    public async Task SetWeights_SignedByTheValidatorsSigner_TheRuntimeStoresThem()
    {
        var ct = CancellationToken.None;
        await using var chain = await SubnetAsync(12, TestKeys.SignerFor(_validator));
        var before = (await chain.GetBlockAsync(ct)).GetValueOrThrow();

        var set = await chain.SetWeightsAsync(new SignedWeights(_validator, new WeightsToSign(12, [1, 2], [65535, 21845], 0), ReadOnlyMemory<byte>.Empty), ct);

        Assert.True(set.IsOk, $"{set.Error}\n{chopsticks.Node.Tail()}");
        var row = (await chain.GetWeightsAsync(ct)).GetValueOrThrow().Single(r => r.Uid == 0);
        Assert.Equal([new UidValue(1, 65535), new UidValue(2, 21845)], row.Weights);
        Assert.True(row.LastUpdate > before, $"last update {row.LastUpdate}, block before {before}");
    }

    [Fact]
    public async Task SetWeights_NamingAUidTwice_TheRuntimeRefusesByName()
    {
        var ct = CancellationToken.None;
        await using var chain = await SubnetAsync(13, TestKeys.SignerFor(_validator));

        var set = await chain.SetWeightsAsync(new SignedWeights(_validator, new WeightsToSign(13, [1, 1], [65535, 65535], 0), ReadOnlyMemory<byte>.Empty), ct);

        Assert.False(set.IsOk);
        Assert.Equal(ChainErrorCode.DuplicateUid, set.Error!.Code);
        Assert.Contains("SubtensorModule.DuplicateUids", set.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeAxon_SignedByTheMinersSigner_TheMetagraphShowsIt()
    {
        var ct = CancellationToken.None;
        await using var chain = await SubnetAsync(14, TestKeys.SignerFor(_minerB));

        var served = await chain.ServeAxonAsync(_minerB, "203.0.113.7", 8091, ct);

        Assert.True(served.IsOk, $"{served.Error}\n{chopsticks.Node.Tail()}");
        var neuron = (await chain.GetMetagraphAsync(ct)).GetValueOrThrow().Neurons.Single(n => n.Hotkey == _minerB);
        Assert.Equal(("203.0.113.7", 8091), (neuron.AxonIp, neuron.AxonPort));
    }

    [Fact]
    public async Task SetWeights_OnACommitRevealSubnet_CommitsThenRevealsInTheWindow()
    {
        var ct = CancellationToken.None;
        using var directory = new TempDirectory("sn19-reveal");
        var revealFile = directory.File("pending-reveals.json");
        await using var chain = await SubnetAsync(16, TestKeys.SignerFor(_validator), commitReveal: true, revealFile);

        var set = await chain.SetWeightsAsync(new SignedWeights(_validator, new WeightsToSign(16, [1, 2], [65535, 13107], 0), ReadOnlyMemory<byte>.Empty), ct);

        Assert.True(set.IsOk, $"{set.Error}\n{chopsticks.Node.Tail()}");
        Assert.Empty((await chain.GetWeightsAsync(ct)).GetValueOrThrow().Single(r => r.Uid == 0).Weights);
        Assert.Contains("\"CommitBlock\"", await File.ReadAllTextAsync(revealFile, ct), StringComparison.Ordinal); // kept across a restart
        await using var node = await SubtensorNode.ConnectAsync(chopsticks.Node.Url, ct);
        var row = Array.Empty<UidValue>() as IReadOnlyList<UidValue>;
        for (var block = 0; block < 40 && row.Count == 0; block++)
        {
            // chopsticks makes blocks on demand: one at a time, the revealer looking at each, until its window opens.
            await node.Rpc.CallAsync("dev_newBlock", [], ct);
            await chain.Revealer!.RevealDueAsync(ct);
            row = (await chain.GetWeightsAsync(ct)).GetValueOrThrow().Single(r => r.Uid == 0).Weights;
        }

        Assert.True(row.Count > 0, $"no reveal landed: {chain.Revealer!.LastProblem}\n{chopsticks.Node.Tail()}");
        Assert.Equal([new UidValue(1, 65535), new UidValue(2, 13107)], row);
    }

    [Fact]
    public async Task NewHeads_Subscription_YieldsEachNewBlock()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var node = await SubtensorNode.ConnectAsync(chopsticks.Node.Url, timeout.Token);
        var heads = node.NewHeadsAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await heads.MoveNextAsync()); // the node announces its best block on subscribing
        var first = heads.Current;

        await node.Rpc.CallAsync("dev_newBlock", [], timeout.Token);
        Assert.True(await heads.MoveNextAsync());

        Assert.Equal(first + 1, heads.Current);
        await heads.DisposeAsync();
    }

    [Fact]
    public void CommitHash_MatchesSubtensorsVector()
    {
        var alice = Sn19.Actors.Crypto.Sr25519Keypair.FromSecretUri("//Alice").PublicKey;

        var hash = WeightCommit.Hash(alice, 1, [3, 4], [65535, 32768], [1, 2, 3, 4, 5, 6, 7, 8], 0);

        Assert.Equal("f4b3215687d0e0e0cefb3cd62dd8698902bdbca4de043c95367fdc6fcbe4f671", Convert.ToHexStringLower(hash));
    }

    [Theory]
    [InlineData(10UL, 1, 3UL, 1UL, 14UL, 17UL)] // epoch (10 + 2) / 4 = 3; epoch 4 starts where block + 2 = 16
    [InlineData(5UL, 19, 360UL, 1UL, 341UL, 701UL)]
    public void RevealWindow_IsTheEpochAfterTheCommits(ulong commit, ushort netuid, ulong tempo, ulong period, ulong first, ulong last)
    {
        Assert.Equal((first, last), WeightCommit.RevealWindow(commit, netuid, tempo, period));
    }

    [Fact]
    public async Task ServeAxon_OnLoopback_TheRuntimeRefusesItAsAnInvalidAxon()
    {
        await using var chain = await SubnetAsync(17, TestKeys.SignerFor(_minerB));

        var served = await chain.ServeAxonAsync(_minerB, "127.0.0.1", 8091, CancellationToken.None);

        Assert.False(served.IsOk);
        Assert.Equal(ChainErrorCode.InvalidAxon, served.Error!.Code);
    }

    [Fact]
    public async Task Register_OnSubtensor_IsRefusedWithAPointerToBtcli()
    {
        await using var chain = await SubnetAsync(15, null);

        var registered = await chain.RegisterAsync(_minerA, _owner, CancellationToken.None);

        Assert.Equal(ChainErrorCode.Unsupported, registered.Error!.Code);
        Assert.Contains("btcli", registered.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>A validator (permit, 2,000 TAO) and two miners (axons at 10.0.0.2:8092 and none) on their own netuid.</summary>
    private async Task<SubtensorChain> SubnetAsync(ushort netuid, IHotkeySigner? signer, bool commitReveal = false, string? revealFile = null)
    {
        var node = await SubtensorNode.ConnectAsync(chopsticks.Node.Url, CancellationToken.None);
        await ChopsticksSubnet.CreateAsync(
            node,
            netuid,
            [
                new SubnetMember(_validator, _owner, ValidatorPermit: true, StakeRao: 2_000_000_000_000),
                new SubnetMember(_minerA, _owner, ValidatorPermit: false, StakeRao: 0, "10.0.0.2", 8092),
                new SubnetMember(_minerB, _owner, ValidatorPermit: false, StakeRao: 0),
            ],
            tempo: commitReveal ? (ushort)3 : (ushort)12,
            CancellationToken.None,
            commitReveal);
        return new SubtensorChain(node, netuid, signer, Quick with { AutoReveal = false, RevealFile = revealFile });
    }
}
