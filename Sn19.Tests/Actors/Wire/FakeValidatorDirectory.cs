namespace Sn19.Tests.Actors.Wire;

using System.Collections.Concurrent;
using Sn19.Actors.Wire;

/// <summary>Test double for the metagraph the chain subsystem will supply: hotkey → stake.</summary>
public sealed class FakeValidatorDirectory : IValidatorDirectory
{
    private readonly ConcurrentDictionary<string, double> _stakes = new(StringComparer.Ordinal);

    public void Register(string hotkey, double stake) => _stakes[hotkey] = stake;

    public bool TryGetStake(string hotkeySs58, out double stake) => _stakes.TryGetValue(hotkeySs58, out stake);
}
