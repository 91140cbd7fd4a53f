namespace Sn19.Host.Cli.Ctl.Demo;

internal sealed record DemoTickerSummary(long Ticks, TimeSpan Interval);
