namespace Sn19.Host.Cli;

using System.CommandLine;

/// <summary>
/// A command whose issue has not landed yet. It says so plainly and exits with code 2,
/// so no command pretends to work.
/// </summary>
internal static class NotBuiltCommand
{
    public static Command Create(string name, string description, string issue)
    {
        var command = new Command(name, description + " (not built yet)");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine(
                $"sn19 {name}: not built yet ({issue}). Nothing was done.");
            return ExitCodes.UsageOrInput;
        });
        return command;
    }
}
