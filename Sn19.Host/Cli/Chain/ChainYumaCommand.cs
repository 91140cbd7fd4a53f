namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sn19.Actors.Chain.Yuma;

/// <summary>`sn19 chain yuma --input FILE.json`: one Yuma epoch on given stakes, weights, bonds and hyperparameters.</summary>
internal static class ChainYumaCommand
{
    public const string InputHelp = """
        the epoch input, a JSON file (examples in examples/yuma/):
          { "block": 1000,                 // optional; default: largest lastUpdate, or 1000
            "lastEpochBlock": 0,           // optional; 0 = none
            "emissionRao": 1000000000,     // optional; rao paid by this epoch
            "ownerUid": null,              // optional; may self-weight, permit forced
            "hyperparameters": { "kappa": 32767, "bondsMovingAverage": 900000, "bondsPenalty": 65535,
              "yuma3": true, "liquidAlpha": false, "alphaLow": 45875, "alphaHigh": 58982,
              "alphaSigmoidSteepness": 1000, "maxAllowedValidators": 64, "activityCutoffFactorMilli": 13889,
              "tempo": 360, "stakeThreshold": 0 },   // each optional; defaults shown (a new subnet's)
            "neurons": [ { "uid": 0, "stakeRao": 40000000000,
                           "validatorPermit": true,  // previous epoch's permit; default stakeRao > 0
                           "lastUpdate": 1000,       // default: block
                           "registeredAt": 0,        // default 0
                           "weights": { "3": 65535, "4": 32768 },  // uid -> u16 as stored (max-upscaled)
                           "bonds": { "3": 2912 } }, ... ] }       // uid -> u16 as stored
        Output: per-uid vectors (incentive, dividends, consensus, validatorTrust, trust, rank, stakeWeight) as
        { "u16": [...], "float": [...] }, next validator permits, emissions in rao, and new bonds (u16 and float).
        """;

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = InputHelp, Required = true };
        var command = new Command(
            "yuma",
            "Run one Yuma Consensus epoch exactly as subtensor does (I32F32 fixed point) on a JSON file of stakes, " +
            "weights, bonds and hyperparameters, and print incentive, dividends, consensus, trust and new bonds as JSON");
        command.Options.Add(input);
        command.SetAction((ParseResult r) =>
        {
            var file = r.GetValue(input)!;
            var error = r.InvocationConfiguration.Error;
            YumaInputFile? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<YumaInputFile>(File.ReadAllText(file.FullName), InputOptions);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"sn19 chain yuma: cannot read {file.FullName}: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
            catch (JsonException e)
            {
                error.WriteLine($"sn19 chain yuma: {file.Name} is not a valid epoch input: {e.Message}");
                return ExitCodes.UsageOrInput;
            }

            var (epoch, problem) = parsed is null ? (null, "the file is empty") : parsed.ToInput();
            if (epoch is null)
            {
                error.WriteLine($"sn19 chain yuma: {file.Name}: {problem}");
                return ExitCodes.UsageOrInput;
            }

            var result = YumaEpoch.Run(epoch);
            ChainCli.WriteJson(r, YumaOutputFile.From(epoch, result));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonSerializerOptions InputOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
