namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Host.Cli.Config;
using Sn19.Host.Validator;

/// <summary>`sn19 validator`: a validator node.</summary>
internal static class ValidatorCommand
{
    public static Command Create()
    {
        var periods = new Option<int?>("--periods") { Description = "stop after this many scoring periods; default: run until Ctrl+C" };
        var command = new Command("validator", "Run a validator node that measures miners and sets weights");
        command.Options.Add(periods);
        var configuration = ConfigurationCliOptions.AddTo(command);
        command.SetAction((result, cancellationToken) => configuration.RunAsync(
            result,
            "validator",
            (loaded, ct) => ValidatorRunner.RunAsync(loaded, result.GetValue(periods), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct),
            cancellationToken));
        return command;
    }
}
