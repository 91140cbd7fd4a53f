namespace Sn19.Host.Cli.Model;

using System.CommandLine;
using System.Globalization;
using Sn19.Inference.Gguf;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;

/// <summary>
/// <c>sn19 model create-test --shape tiny|15m|110m --vocab FILE.gguf --type f32|q8_0 --seed N --out FILE.gguf</c>:
/// a random-weight Llama GGUF with the tokenizer of a vocabulary GGUF (see <see cref="TestModelFactory"/> for the init).
/// </summary>
internal static class ModelCreateTestCommand
{
    public static Command Create()
    {
        var shape = new Option<string>("--shape")
        {
            Description = "tiny (dim 64, 2 layers), 15m (llama2.c stories15M) or 110m (dim 768, 12 layers, untied output)",
            DefaultValueFactory = _ => "tiny",
        };
        shape.AcceptOnlyFromAmong("tiny", "15m", "110m");
        var vocab = new Option<string>("--vocab") { Description = "GGUF whose tokenizer.* metadata the model carries", Required = true };
        var type = new Option<string>("--type") { Description = "Weight type of the matrices: f32 or q8_0 (norms stay f32)", DefaultValueFactory = _ => "f32" };
        type.AcceptOnlyFromAmong("f32", "q8_0");
        var seed = new Option<ulong>("--seed") { Description = "Seed of the weights; the same seed gives the same file", DefaultValueFactory = _ => 1UL };
        var output = new Option<string>("--out") { Description = "Where to write the model", Required = true };

        var command = new Command("create-test", "Write a random-weight Llama GGUF carrying a given vocabulary's tokenizer");
        command.Options.Add(shape);
        command.Options.Add(vocab);
        command.Options.Add(type);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var vocabPath = parseResult.GetValue(vocab)!;
            var outPath = parseResult.GetValue(output)!;
            if (!File.Exists(vocabPath))
            {
                error.WriteLine($"sn19 model create-test: vocabulary file '{vocabPath}' does not exist");
                return ExitCodes.UsageOrInput;
            }

            var modelShape = parseResult.GetValue(shape) switch
            {
                "15m" => TestModelShape.Stories15M,
                "110m" => TestModelShape.Llama110M,
                _ => TestModelShape.Tiny,
            };
            var weightType = parseResult.GetValue(type) == "q8_0" ? WeightType.Q8_0 : WeightType.F32;
            try
            {
                var parameters = TestModelWriter.Write(modelShape, vocabPath, weightType, parseResult.GetValue(seed), outPath);
                parseResult.InvocationConfiguration.Output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"wrote {outPath}: {parseResult.GetValue(shape)} {parseResult.GetValue(type)}, {parameters:N0} parameters, {new FileInfo(outPath).Length:N0} bytes"));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is GgufFormatException or InvalidDataException or IOException or UnauthorizedAccessException or KeyNotFoundException)
            {
                error.WriteLine($"sn19 model create-test: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }
}
