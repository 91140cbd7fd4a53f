namespace Sn19.Actors.Subnet.Tasks;

using Sn19.Actors.Mechanism;

/// <summary>
/// An immutable set of tasks with weights normalised over the enabled ones. Build it with
/// <see cref="TryCreate"/>; hand changes to a <see cref="TaskRegistryHolder"/> so they start at the next period.
/// </summary>
internal sealed class TaskRegistry
{
    private readonly Dictionary<string, TaskDefinition> _byId;

    private TaskRegistry(IReadOnlyList<TaskDefinition> all)
    {
        All = all;
        Enabled = [.. all.Where(t => t.Enabled)];
        _byId = all.ToDictionary(t => t.Id, StringComparer.Ordinal);
        Weights = [.. Enabled.Select(t => new TaskWeight(t.Id, t.Weight))];
    }

    public static TaskRegistry Empty { get; } = new([]);

    /// <summary>Every task, ordered by id.</summary>
    public IReadOnlyList<TaskDefinition> All { get; }

    /// <summary>Enabled tasks (weight > 0), ordered by id.</summary>
    public IReadOnlyList<TaskDefinition> Enabled { get; }

    /// <summary>Enabled tasks' normalised weights, as the weight calculator takes them.</summary>
    public IReadOnlyList<TaskWeight> Weights { get; }

    /// <summary>Ids of the tasks whose model must be matched exactly (<c>model-match = exact</c>).</summary>
    public IReadOnlySet<string> ExactModelMatch => All.Where(t => t.ExactModelMatch).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The task, or null when unknown.</summary>
    public TaskDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The task when it is known and enabled; every stage uses this, so disabling stops it everywhere.</summary>
    public TaskDefinition? FindEnabled(string id) => Find(id) is { Enabled: true } t ? t : null;

    /// <summary>Builds a registry from the <c>tasks</c> section; errors name the bad key.</summary>
    public static TaskRegistry? TryCreate(IReadOnlyDictionary<string, TaskOptions> tasks, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var parsed = new List<(string Id, TaskOptions O, TaskKind Kind)>();
        foreach (var (id, o) in tasks.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var before = problems.Count;
            var kind = ParseKind(o.Kind);
            Require(problems, !string.IsNullOrWhiteSpace(id), id, "", "a task id must not be empty");
            Require(problems, kind is not null, id, "kind", "must be chat, completion, text-to-image, image-to-image, avatar or embedding");
            Require(problems, !string.IsNullOrWhiteSpace(o.Model), id, "model", "must be set");
            Require(problems, o.Endpoint.StartsWith('/'), id, "endpoint", "must start with /");
            Require(problems, o.MaxCapacity > 0 && double.IsFinite(o.MaxCapacity), id, "max-capacity", "must be positive");
            Require(problems, o.Weight >= 0 && double.IsFinite(o.Weight), id, "weight", "must not be negative");
            Require(problems, o.VolumePerRequest > 0, id, "volume-per-request", "must be positive");
            Require(problems, o.Timeout > TimeSpan.Zero, id, "timeout", "must be positive");
            Require(problems, o.ModelMatch is "tolerant" or "exact", id, "model-match", "must be tolerant or exact");
            if (problems.Count == before)
            {
                parsed.Add((id, o, kind!.Value));
            }
        }

        errors = problems;
        if (problems.Count > 0)
        {
            return null;
        }

        // Weights are normalised over enabled tasks only (the reference summed disabled ones too), and
        // weight 0 disables a task (the reference kept the default for a voted 0).
        var total = parsed.Where(p => p.O.Enabled && p.O.Weight > 0).Sum(p => p.O.Weight);
        var all = parsed.Select(p =>
        {
            var enabled = p.O.Enabled && p.O.Weight > 0;
            return new TaskDefinition(
                p.Id, p.Kind, p.O.Model, p.O.Endpoint, p.O.MaxCapacity, p.O.Weight,
                enabled ? p.O.Weight / total : 0, p.O.VolumePerRequest, p.O.Timeout, p.O.Stream, enabled)
            {
                ExactModelMatch = p.O.ModelMatch == "exact",
            };
        }).ToList();
        return new TaskRegistry(all);
    }

    /// <summary>Parses a kind as written in HOCON (kebab case).</summary>
    public static TaskKind? ParseKind(string text) => text switch
    {
        "chat" => TaskKind.Chat,
        "completion" => TaskKind.Completion,
        "text-to-image" => TaskKind.TextToImage,
        "image-to-image" => TaskKind.ImageToImage,
        "avatar" => TaskKind.Avatar,
        "embedding" => TaskKind.Embedding,
        _ => null,
    };

    private static void Require(List<string> problems, bool ok, string id, string field, string rule)
    {
        if (!ok)
        {
            problems.Add(field.Length == 0 ? $"tasks: {rule}" : $"tasks.{id}.{field} {rule}");
        }
    }
}
