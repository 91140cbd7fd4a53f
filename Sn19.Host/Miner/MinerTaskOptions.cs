namespace Sn19.Host.Miner;

using Microsoft.Extensions.Configuration;

/// <summary>One task a miner serves (section <c>miner.tasks.&lt;task-id&gt;</c>).</summary>
internal sealed class MinerTaskOptions
{
    /// <summary>A GGUF model for the embedded CPU engine.</summary>
    [ConfigurationKeyName("model-file")]
    public string ModelFile { get; set; } = "";

    /// <summary>An OpenAI-compatible server (vLLM, llama.cpp server) instead of the embedded engine.</summary>
    [ConfigurationKeyName("backend-url")]
    public string BackendUrl { get; set; } = "";

    /// <summary>Tokens this miner can serve per period across all validators; each validator gets its stake share.</summary>
    [ConfigurationKeyName("capacity")]
    public double Capacity { get; set; } = 60_000;

    /// <summary>
    /// What the miner tells validators it can serve, when that differs from <see cref="Capacity"/>. Only for
    /// trying how validators treat a miner that over-declares (the local subnet runs one); 0 = capacity.
    /// </summary>
    [ConfigurationKeyName("advertised-capacity")]
    public double AdvertisedCapacity { get; set; }

    public double EffectiveAdvertisedCapacity => AdvertisedCapacity > 0 ? AdvertisedCapacity : Capacity;

    /// <summary>Requests generating at once (1 for the CPU engine: both cores serve one sequence).</summary>
    [ConfigurationKeyName("concurrency")]
    public int Concurrency { get; set; } = 1;

    /// <summary>Requests allowed to wait for a slot; beyond that the miner answers 429 at once.</summary>
    [ConfigurationKeyName("max-queue")]
    public int MaxQueue { get; set; } = 4;

    public void Validate(string taskId)
    {
        if (string.IsNullOrWhiteSpace(ModelFile) == string.IsNullOrWhiteSpace(BackendUrl))
        {
            throw new InvalidOperationException($"miner.tasks.{taskId}: set exactly one of model-file and backend-url.");
        }

        if (Capacity < 0 || Concurrency < 1 || MaxQueue < 0)
        {
            throw new InvalidOperationException($"miner.tasks.{taskId}: capacity >= 0, concurrency >= 1 and max-queue >= 0 are required.");
        }
    }
}
