namespace Sn19.Host.Cli.Ctl.Demo;

/// <summary>The demo counter's event (manifest "demo.counter.incremented").</summary>
internal sealed record DemoIncremented(long By);
