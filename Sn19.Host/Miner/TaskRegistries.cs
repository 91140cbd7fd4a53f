namespace Sn19.Host.Miner;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Host.Configuration;

/// <summary>Builds the task registry from the <c>tasks</c> section, turning its errors into a configuration error.</summary>
internal static class TaskRegistries
{
    public static TaskRegistry Load(IConfiguration root)
    {
        var tasks = root.GetSection("tasks").Get<Dictionary<string, TaskOptions>>() ?? [];
        return TaskRegistry.TryCreate(tasks, out var errors)
            ?? throw new ConfigurationException(string.Join("; ", errors), null, null, "tasks");
    }
}
