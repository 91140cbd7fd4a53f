namespace Sn19.Tests.Actors.Chain.Local;

using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Local;

/// <summary>Helpers to build small local chains in memory and drive them block by block.</summary>
internal static class LocalChainFixture
{
    public static SubnetHyperparameters Fast(ulong tempo = 10, ulong rateLimit = 5) => new()
    {
        Tempo = tempo,
        WeightsRateLimit = rateLimit,
        ImmunityPeriod = 20,
        MaxAllowedUids = 8,
        MaxAllowedValidators = 4,
    };

    public static LocalChain InMemory(SubnetHyperparameters? hp = null) => LocalChain.Open(":memory:", 1, hp ?? Fast());

    public static async Task AdvanceAsync(LocalChain chain, ulong blocks)
    {
        for (ulong i = 0; i < blocks; i++)
        {
            await chain.ProduceBlockAsync(CancellationToken.None);
        }
    }

    public static async Task<ushort> RegisterAsync(LocalChain chain, int index, ulong stakeRao = 0)
    {
        var hot = TestKeys.Address("hot", index);
        var cold = TestKeys.Address("cold", index);
        var uid = (await chain.RegisterAsync(hot, cold, CancellationToken.None)).GetValueOrThrow();
        if (stakeRao > 0)
        {
            (await chain.AddStakeAsync(cold, hot, stakeRao, CancellationToken.None)).GetValueOrThrow();
        }

        return uid;
    }

    /// <summary>Validators 0..v−1 (stake 1000 TAO each) and miners v..v+m−1, then one tempo so permits exist.</summary>
    public static async Task<LocalChain> WithPermitsAsync(int validators, int miners, SubnetHyperparameters? hp = null)
    {
        var chain = InMemory(hp);
        for (var i = 0; i < validators + miners; i++)
        {
            await RegisterAsync(chain, i, i < validators ? 1_000_000_000_000UL : 0);
        }

        await AdvanceAsync(chain, (hp ?? Fast()).Tempo);
        return chain;
    }
}
