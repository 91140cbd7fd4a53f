namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;
using System.Globalization;

/// <summary>`sn19 ctl keys create | list | show | top-up | revoke`: the organic API's keys and their credit.</summary>
internal static class CtlKeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "API keys of the organic API: create (the secret is shown once), list, show, top-up, revoke");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(CtlCli.Calling(
            new Command("list", "Every key with its balance, usage and limits"),
            async (r, client, json, ct) => CtlCli.Show(r, await client.KeysAsync(ct), json, KeyTables.List, 150)));
        command.Subcommands.Add(Show());
        command.Subcommands.Add(TopUp());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "who or what the key is for", Required = true };
        var credit = new Option<decimal?>("--credit") { Description = "starting credit (default organic.default-credit)" };
        var rpm = new Option<int?>("--rpm") { Description = "requests per minute, 0 = no limit (default organic.default-rpm)" };
        var tpm = new Option<int?>("--tpm") { Description = "tokens per minute, 0 = no limit (default organic.default-tpm)" };
        var command = new Command("create", "Create a key; prints its secret once (only its hash is stored)");
        command.Options.Add(name);
        command.Options.Add(credit);
        command.Options.Add(rpm);
        command.Options.Add(tpm);
        return CtlCli.Calling(command, async (r, client, json, ct) =>
            CtlCli.Show(r, await client.CreateKeyAsync(r.GetValue(name)!, r.GetValue(credit), r.GetValue(rpm), r.GetValue(tpm), ct), json, KeyTables.Created, 100));
    }

    private static Command Show()
    {
        var id = KeyId();
        var charges = new Option<int>("--charges") { Description = "how many of the latest charges to list", DefaultValueFactory = _ => 20 };
        var command = new Command("show", "One key: balance, reservations, usage and its latest charges");
        command.Arguments.Add(id);
        command.Options.Add(charges);
        return CtlCli.Calling(command, async (r, client, json, ct) =>
            CtlCli.Show(r, await client.KeyAsync(r.GetValue(id)!, r.GetValue(charges), ct), json, KeyTables.Show, 120));
    }

    private static Command TopUp()
    {
        var id = KeyId();
        var amount = new Argument<decimal>("amount") { Description = "credit to add" };
        var operation = new Option<string?>("--operation") { Description = "an id for this top-up: repeating a command with the same id adds the credit once" };
        var command = new Command("top-up", "Add credit to a key");
        command.Arguments.Add(id);
        command.Arguments.Add(amount);
        command.Options.Add(operation);
        return CtlCli.Calling(command, async (r, client, json, ct) =>
            CtlCli.Show(r, await client.TopUpAsync(r.GetValue(id)!, r.GetValue(amount), r.GetValue(operation), ct), json, KeyTables.Show, 120));
    }

    private static Command Revoke()
    {
        var id = KeyId();
        var command = new Command("revoke", "Revoke a key for good: its requests get 401 (requests in flight still settle)");
        command.Arguments.Add(id);
        return CtlCli.Calling(command, async (r, client, json, ct) => CtlCli.Show(r, await client.RevokeKeyAsync(r.GetValue(id)!, ct), json, KeyTables.Show, 120));
    }

    private static Argument<string> KeyId() => new("key-id") { Description = "the key's id (16 hex digits, as `keys list` shows)" };

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
