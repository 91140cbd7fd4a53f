namespace Sn19.Host.Organic;

using Sn19.Actors.Organic;
using Sn19.Actors.Subnet.Tasks;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// The models the gateway sells: each enabled text task, by its task id or by its model's name (the
/// reference's rule, §8.2: a task name, or the Hugging Face id restricted to the endpoint's kind).
/// </summary>
internal sealed class ModelCatalog(IEnumerable<TaskDefinition> tasks, OrganicOptions options)
{
    private readonly List<TaskDefinition> _tasks = [.. tasks.Where(t => t.Kind is TaskKind.Chat or TaskKind.Completion)];

    public IReadOnlyList<TaskDefinition> Tasks => _tasks;

    public TaskPrice PriceOf(TaskDefinition task) => options.PriceOf(task.Id);

    /// <summary>The task a request for <paramref name="model"/> on an endpoint of <paramref name="kind"/> goes to.</summary>
    public TaskDefinition? Resolve(string model, TextRequestKind kind)
    {
        var wanted = kind == TextRequestKind.Chat ? TaskKind.Chat : TaskKind.Completion;
        return _tasks.FirstOrDefault(t => t.Kind == wanted && string.Equals(t.Id, model, StringComparison.Ordinal))
            ?? _tasks.FirstOrDefault(t => t.Kind == wanted && string.Equals(t.Model, model, StringComparison.Ordinal));
    }

    /// <summary>The names a request on an endpoint of <paramref name="kind"/> may use, for the 404 message.</summary>
    public IEnumerable<string> NamesFor(TextRequestKind kind)
    {
        var wanted = kind == TextRequestKind.Chat ? TaskKind.Chat : TaskKind.Completion;
        return _tasks.Where(t => t.Kind == wanted).SelectMany(t => new[] { t.Id, t.Model }).Distinct(StringComparer.Ordinal);
    }
}
