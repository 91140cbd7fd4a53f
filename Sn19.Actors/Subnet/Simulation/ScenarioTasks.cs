namespace Sn19.Actors.Subnet.Simulation;

using Sn19.Actors.Subnet.Tasks;

/// <summary>A scenario's tasks in the shape of the <c>tasks</c> configuration section.</summary>
internal static class ScenarioTasks
{
    public static IReadOnlyDictionary<string, TaskOptions> ToOptions(Scenario scenario) =>
        scenario.Tasks
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var t = g.First();
                return new TaskOptions
                {
                    Kind = t.Kind,
                    Model = t.Model,
                    Endpoint = t.Kind == "completion" ? "/completions" : "/chat/completions",
                    MaxCapacity = t.MaxCapacity,
                    Weight = t.Weight,
                    VolumePerRequest = t.VolumePerRequest,
                    Timeout = TimeSpan.FromSeconds(t.TimeoutSeconds),
                    Stream = true,
                    Enabled = t.Weight > 0,
                };
            }, StringComparer.Ordinal);
}
