namespace Sn19.Actors.Subnet.Metagraphs;

using Sn19.Actors.Chain;
using Sn19.Actors.Wire;

/// <summary>
/// An immutable snapshot of the metagraph with the lookups miners and validators make per request:
/// neuron by hotkey, stake in TAO, and the total stake of validators with a permit.
/// </summary>
public sealed class MetagraphView : IStakeView
{
    private const double RaoPerTao = 1e9;
    private readonly Dictionary<string, NeuronInfo> _byHotkey;

    public MetagraphView(Metagraph metagraph)
    {
        ArgumentNullException.ThrowIfNull(metagraph);
        Metagraph = metagraph;
        _byHotkey = metagraph.Neurons.ToDictionary(n => n.Hotkey, StringComparer.Ordinal);
        TotalValidatorStake = metagraph.Neurons.Where(n => n.ValidatorPermit).Sum(n => n.StakeRao / RaoPerTao);
    }

    public Metagraph Metagraph { get; }

    public double TotalValidatorStake { get; }

    public static MetagraphView Empty { get; } = new(new Metagraph(0, 0, 0, new SubnetHyperparameters(), []));

    public bool TryGetNeuron(string hotkey, out NeuronInfo neuron) => _byHotkey.TryGetValue(hotkey, out neuron!);

    public bool TryGetStake(string hotkeySs58, out double stake)
    {
        if (_byHotkey.TryGetValue(hotkeySs58, out var neuron))
        {
            stake = neuron.StakeRao / RaoPerTao;
            return true;
        }

        stake = 0;
        return false;
    }

    public double ValidatorShare(string hotkeySs58)
    {
        if (!_byHotkey.TryGetValue(hotkeySs58, out var neuron))
        {
            return 0;
        }

        var stake = neuron.StakeRao / RaoPerTao;
        var total = TotalValidatorStake + (neuron.ValidatorPermit ? 0 : stake);
        return total <= 0 ? 0 : stake / total;
    }

    /// <summary>The axon of a miner, or null when it has not served one.</summary>
    public Uri? Axon(string hotkey) =>
        _byHotkey.TryGetValue(hotkey, out var neuron) && neuron.AxonIp is { } ip && neuron.AxonPort > 0
            ? new Uri($"http://{(ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]" : ip)}:{neuron.AxonPort}/")
            : null;
}
