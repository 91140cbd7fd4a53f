namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto.Wallets;
using Sn19.Host.Cli.Config;
using Sn19.Host.Configuration;

/// <summary>
/// Runs a `sn19 keys` action at the CLI boundary: bad input (a malformed URI, phrase or option, a
/// wrong password) becomes one clear line on stderr and exit code 2, never a stack trace.
/// </summary>
internal static class KeysCli
{
    public static int Run(ParseResult parseResult, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return Fail(parseResult, e.Message);
        }
        catch (ConfigurationException e)
        {
            return ConfigurationErrors.Report(e, parseResult.InvocationConfiguration.Error);
        }
    }

    public static int Fail(ParseResult parseResult, string message)
    {
        parseResult.InvocationConfiguration.Error.WriteLine($"sn19 keys: {message}");
        return ExitCodes.UsageOrInput;
    }

    public static TextWriter Out(ParseResult parseResult) => parseResult.InvocationConfiguration.Output;

    /// <summary>A message for a failed write, with the hint a user needs.</summary>
    public static string Describe(KeyfileError error, string path) => error switch
    {
        KeyfileError.AlreadyExists => $"{path} already exists; pass --overwrite to replace it",
        KeyfileError.InvalidName => "names may use letters, digits, '-', '_' and '.'",
        _ => $"{path}: {error}",
    };

    /// <summary>Reads a wallet key; on failure writes the reason and returns the exit code in <paramref name="exitCode"/>.</summary>
    public static KeyfileResult? Load(ParseResult parseResult, Keyfile keyfile, string? password, out int exitCode)
    {
        var result = keyfile.Read(password);
        if (result.Succeeded)
        {
            exitCode = ExitCodes.Ok;
            return result;
        }

        var message = result.Error switch
        {
            KeyfileError.WrongPassword => $"wrong password: cannot decrypt {keyfile.Path}",
            KeyfileError.PasswordRequired => $"{keyfile.Path} is encrypted: give --password, set the password variable, or run on a terminal",
            _ => result.Message,
        };
        exitCode = Fail(parseResult, message);
        return null;
    }
}
