namespace Sn19.Host.Miner.Hostile;

using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Host.Configuration;
using Sn19.Inference.Generation;

/// <summary>Turns a task's honest backend into the cheat <see cref="HostileSetting"/> names.</summary>
internal static class HostileBackends
{
    /// <param name="taskBackend">The task's model as loaded (the forger scores with it; it must be the embedded engine).</param>
    public static IMinerTextBackend Wrap(
        IMinerTextBackend honest, IInferenceBackend taskBackend, string taskModel, HostileSetting setting, BackendCache backends, string taskId)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(backends);
        if (setting.Kind != HostileKind.Forger)
        {
            return new HostileMinerBackend(honest, setting);
        }

        if (taskBackend is not LocalInferenceBackend local)
        {
            throw new ConfigurationException(
                $"--hostile forger scores with the task's model in this process; miner.tasks.{taskId} must use model-file, not backend-url",
                null, null, $"miner.tasks.{taskId}");
        }

        var cheaper = backends.For(new MinerTaskOptions { ModelFile = setting.ModelFile! }, taskModel, "--hostile forger:MODEL");
        return new ForgerMinerBackend(new InferenceMinerBackend(cheaper), new EngineSequenceScorer(local, taskModel));
    }
}
