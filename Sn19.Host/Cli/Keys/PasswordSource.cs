namespace Sn19.Host.Cli.Keys;

using System.Text;

/// <summary>
/// Where a coldkey password comes from, in order: --password, the environment variable named by
/// keys.passwordEnvironmentVariable, then a prompt (input hidden) when stdin is a terminal. Null when none.
/// </summary>
internal static class PasswordSource
{
    public static string? Resolve(string? option, string environmentVariable, string prompt, bool confirm)
    {
        if (option is not null)
        {
            return option;
        }

        if (Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected)
        {
            return null;
        }

        var password = ReadHidden(prompt);
        if (confirm && ReadHidden("Retype the password: ") != password)
        {
            Console.Error.WriteLine("The passwords do not match.");
            return null;
        }

        return password;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }

                continue;
            }

            text.Append(key.KeyChar);
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
