namespace Sn19.Tests.Actors.Subnet.Tasks;

using Sn19.Actors.Subnet.Tasks;

public sealed class TaskRegistryTests
{
    [Fact]
    public void TryCreate_WeightsNormalisedOverEnabledTasksOnly()
    {
        var registry = TaskRegistry.TryCreate(new Dictionary<string, TaskOptions>
        {
            ["chat"] = Task("chat", 0.3),
            ["comp"] = Task("completion", 0.1),
            ["off"] = Task("chat", 0.6, enabled: false),
            ["zero"] = Task("chat", 0),
        }, out var errors)!;

        Assert.Empty(errors);
        Assert.Equal(["chat", "comp"], registry.Enabled.Select(t => t.Id));
        Assert.Equal(0.75, registry.FindEnabled("chat")!.Weight, 12);
        Assert.Equal(0.25, registry.FindEnabled("comp")!.Weight, 12);
        Assert.Null(registry.FindEnabled("off"));
        Assert.Null(registry.FindEnabled("zero"));
        Assert.Equal(0, registry.Find("off")!.Weight);
        Assert.Equal(TaskKind.Completion, registry.Find("comp")!.Kind);
    }

    [Fact]
    public void TryCreate_BadFields_ErrorsNameTheKey()
    {
        var bad = Task("poetry", -1);
        bad.VolumePerRequest = 0;
        bad.ModelMatch = "roughly";
        var registry = TaskRegistry.TryCreate(new Dictionary<string, TaskOptions> { ["t"] = bad }, out var errors);

        Assert.Null(registry);
        Assert.Contains(errors, e => e.StartsWith("tasks.t.kind ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("tasks.t.weight ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("tasks.t.volume-per-request ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("tasks.t.model-match ", StringComparison.Ordinal));
    }

    [Fact]
    public void Holder_StagedChange_TakesEffectAtNextPeriodOnly()
    {
        var first = TaskRegistry.TryCreate(new Dictionary<string, TaskOptions> { ["a"] = Task("chat", 1) }, out _)!;
        var second = TaskRegistry.TryCreate(new Dictionary<string, TaskOptions> { ["b"] = Task("chat", 1) }, out _)!;
        var holder = new TaskRegistryHolder(first);

        holder.Stage(second);

        Assert.Same(first, holder.Current);
        Assert.True(holder.HasStagedChange);
        Assert.Same(second, holder.BeginPeriod());
        Assert.Same(second, holder.Current);
        Assert.False(holder.HasStagedChange);
    }

    [Fact]
    public void AvatarTask_IsExemptFromSquaring()
    {
        var registry = TaskRegistry.TryCreate(new Dictionary<string, TaskOptions> { ["avatar"] = Task("avatar", 1) }, out _)!;
        Assert.True(registry.Find("avatar")!.QualitySquareExempt);
    }

    private static TaskOptions Task(string kind, double weight, bool enabled = true) =>
        new() { Kind = kind, Model = "m", Weight = weight, Enabled = enabled };
}
