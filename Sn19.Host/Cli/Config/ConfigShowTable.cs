namespace Sn19.Host.Cli.Config;

using Spectre.Console;
using Sn19.Host.Configuration;

/// <summary>`config show`: one row per key with its value and source.</summary>
internal static class ConfigShowTable
{
    public static void Write(Sn19Configuration configuration, TextWriter output)
    {
        var redirected = Console.IsOutputRedirected || output != Console.Out;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
        {
            // Redirected output has no width; 80 columns would wrap every source path.
            console.Profile.Width = 200;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("key").AddColumn("value").AddColumn("source");
        foreach (var entry in configuration.Entries())
        {
            table.AddRow(new Text(entry.Key), new Text(entry.Value ?? "null"), new Text(entry.Source, new Style(Color.Grey)));
        }

        var layers = string.Join(" < ", configuration.Files.Append("env SN19__*").Append("command line"));
        console.Write(new Text($"role: {configuration.Role ?? "(none)"}   layers: {layers}\n"));
        console.Write(table);
    }
}
