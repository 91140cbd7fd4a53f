namespace Sn19.Host.Cli.Ctl.Demo;

/// <summary>The ticker's only message.</summary>
internal sealed record DemoTick;
