namespace Sn19.Host.Cli.Ctl.Demo;

/// <summary>The demo counter's snapshot and introspection summary (manifest "demo.counter.state").</summary>
internal sealed record DemoCounterState(long Value);
