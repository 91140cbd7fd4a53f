namespace Sn19.Actors.Subnet.Simulation;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>Reads and validates a scenario file; problems come back as messages naming the field.</summary>
internal static class ScenarioLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Scenario? TryLoad(string text, out IReadOnlyList<string> errors)
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(text, Json);
        }
        catch (JsonException e)
        {
            errors = [$"scenario is not valid: {e.Message}"];
            return null;
        }

        if (scenario is null)
        {
            errors = ["scenario is empty"];
            return null;
        }

        errors = Validate(scenario);
        return errors.Count == 0 ? scenario : null;
    }

    public static IReadOnlyList<string> Validate(Scenario s)
    {
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Require(s.Tasks.Count > 0, "tasks: at least one task is needed");
        Require(s.Miners.Count is > 0 and <= ushort.MaxValue, "miners: between 1 and 65535 miners are needed");
        Require(s.OrganicLoad is >= 0 and <= 10, "organic-load must be in [0, 10]");
        Require(s.OrganicAttempts is >= 1 and <= 10, "organic-attempts must be in [1, 10]");
        Require(s.TokensPerRequest.Min >= 1 && s.TokensPerRequest.Max >= s.TokensPerRequest.Min, "tokens-per-request: need 1 ≤ min ≤ max");
        Require(s.Engine is null || ScenarioEngine.Models.Contains(s.Engine.Model),
            $"engine.model must be one of {string.Join(", ", ScenarioEngine.Models)}");
        var taskIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in s.Tasks)
        {
            Require(!string.IsNullOrWhiteSpace(t.Id) && taskIds.Add(t.Id), $"tasks: id '{t.Id}' is empty or repeated");
            Require(t.MaxCapacity > 0 && t.Weight >= 0 && t.VolumePerRequest > 0 && t.TimeoutSeconds > 0,
                $"tasks.{t.Id}: max-capacity, volume-per-request and timeout-seconds must be positive, weight not negative");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in s.Miners)
        {
            Require(!string.IsNullOrWhiteSpace(m.Name) && names.Add(m.Name), $"miners: name '{m.Name}' is empty or repeated");
            Require(m.Capacity.Keys.All(taskIds.Contains), $"miners.{m.Name}.capacity names an unknown task");
            Require(m.RealCapacity >= 0, $"miners.{m.Name}.real-capacity must not be negative");
            Require(m.FailureRate is >= 0 and <= 1, $"miners.{m.Name}.failure-rate must be in [0, 1]");
            Require(m.Quality.Min >= 0 && m.Quality.Max <= 1 && m.Quality.Min <= m.Quality.Max, $"miners.{m.Name}.quality: need 0 ≤ min ≤ max ≤ 1");
            Require(m.TokensPerSecond > 0, $"miners.{m.Name}.tokens-per-second must be positive");
            Require(m.LatencyMs >= 0, $"miners.{m.Name}.latency-ms must not be negative");
            Require(m.JoinPeriod >= 0, $"miners.{m.Name}.join-period must not be negative");
            Require(m.Hostile is null || s.Engine is not null, $"miners.{m.Name}.hostile needs the scenario's engine (a model to cheat on)");
        }

        return errors;
    }
}
