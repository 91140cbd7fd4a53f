namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto;

/// <summary>`sn19 keys verify`: checks an sr25519 signature; prints "valid" (exit 0) or "invalid" (exit 1).</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var address = new Option<string>("--address")
        {
            Description = "Signer's SS58 address or 0x-hex public key",
            Required = true,
        };
        var signature = new Option<string>("--signature") { Description = "The 64-byte signature as hex", Required = true };
        var message = new MessageInput();
        var command = new Command("verify", "Verify an sr25519 signature");
        command.Options.Add(address);
        command.Options.Add(signature);
        message.AddTo(command);
        command.SetAction(r => KeysCli.Run(r, () =>
        {
            var who = r.GetValue(address)!;
            var publicKey = Ss58.TryDecode(who, out var decoded, out _) ? decoded : HexBytes.Parse(who, "--address");
            if (publicKey.Length != Sr25519.PublicKeyLength)
            {
                return KeysCli.Fail(r, "--address must be an SS58 address or a 32-byte hex public key");
            }

            var sig = HexBytes.Parse(r.GetValue(signature)!, "--signature");
            if (sig.Length != Sr25519.SignatureLength)
            {
                return KeysCli.Fail(r, $"--signature must be {Sr25519.SignatureLength} bytes, not {sig.Length}");
            }

            var valid = Sr25519.Verify(publicKey, message.Read(r), sig);
            KeysCli.Out(r).WriteLine(valid ? "valid" : "invalid");
            return valid ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return command;
    }
}
