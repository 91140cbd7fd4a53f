namespace Sn19.Host.Cli.Model;

using System.CommandLine;
using System.Globalization;
using System.Text;
using Sn19.Inference.Gguf;
using Sn19.Inference.Tokenizers;

/// <summary>
/// <c>sn19 model tokenize --model FILE [--ids] [--file F] [--add-special] [--parse-special]</c>: prints the token
/// ids of texts under the tokenizer stored in a GGUF file, one line per text.
/// </summary>
internal static class ModelTokenizeCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model")
        {
            Description = "GGUF file whose tokenizer to use (a model or a tokenizer-only ggml-vocab-*.gguf)",
            Required = true,
        };
        var ids = new Option<bool>("--ids")
        {
            Description = "Print only the ids, space-separated. Without it each id is followed by ':' and its vocabulary " +
                "piece (e.g. 15043:▁Hello), with \\n \\r \\t \\s \\\\ and \\uXXXX escaping characters a line could not show",
        };
        var file = new Option<string?>("--file")
        {
            Description = "Tokenize the whole file (UTF-8) as one text, newlines included. Without it, each line of " +
                "standard input is one text (its line break excluded)",
        };
        var addSpecial = new Option<bool>("--add-special")
        {
            Description = "Add BOS/EOS as the vocabulary asks (tokenizer.ggml.add_bos_token / add_eos_token); off by default",
        };
        var parseSpecial = new Option<bool>("--parse-special")
        {
            Description = "Turn control tokens written in the text (e.g. <s>, <|eot_id|>) into their ids; off by default",
        };

        var command = new Command(
            "tokenize",
            "Print the token ids of texts under a model's tokenizer: one line per text, ids separated by spaces, " +
            "no BOS/EOS unless --add-special");
        command.Options.Add(model);
        command.Options.Add(ids);
        command.Options.Add(file);
        command.Options.Add(addSpecial);
        command.Options.Add(parseSpecial);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var modelPath = parseResult.GetValue(model)!;
            var textPath = parseResult.GetValue(file);
            if (!File.Exists(modelPath))
            {
                error.WriteLine($"sn19 model tokenize: model file '{modelPath}' does not exist");
                return ExitCodes.UsageOrInput;
            }

            if (textPath is not null && !File.Exists(textPath))
            {
                error.WriteLine($"sn19 model tokenize: text file '{textPath}' does not exist");
                return ExitCodes.UsageOrInput;
            }

            ITokenizer tokenizer;
            try
            {
                using var gguf = GgufFile.Open(modelPath);
                tokenizer = TokenizerFactory.FromGguf(gguf);
            }
            catch (GgufFormatException e)
            {
                error.WriteLine($"sn19 model tokenize: {e.Message}");
                return ExitCodes.UsageOrInput;
            }

            var options = new Format(parseResult.GetValue(ids), parseResult.GetValue(addSpecial), parseResult.GetValue(parseSpecial));
            if (textPath is not null)
            {
                output.WriteLine(FormatLine(tokenizer, File.ReadAllText(textPath, Encoding.UTF8), options));
                return ExitCodes.Ok;
            }

            using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            while (input.ReadLine() is { } line)
            {
                output.WriteLine(FormatLine(tokenizer, line, options));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string FormatLine(ITokenizer tokenizer, string text, Format format)
    {
        var tokens = tokenizer.Encode(text, format.AddSpecial, format.ParseSpecial);
        var line = new StringBuilder();
        foreach (var id in tokens)
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(id.ToString(CultureInfo.InvariantCulture));
            if (!format.IdsOnly)
            {
                line.Append(':');
                AppendEscaped(line, tokenizer.TokenPiece(id));
            }
        }

        return line.ToString();
    }

    private static void AppendEscaped(StringBuilder line, string piece)
    {
        foreach (var c in piece)
        {
            switch (c)
            {
                case '\\': line.Append(@"\\"); break;
                case '\n': line.Append(@"\n"); break;
                case '\r': line.Append(@"\r"); break;
                case '\t': line.Append(@"\t"); break;
                case ' ': line.Append(@"\s"); break;
                default:
                    if (char.IsControl(c) || char.IsWhiteSpace(c))
                    {
                        line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        line.Append(c);
                    }

                    break;
            }
        }
    }

    private readonly record struct Format(bool IdsOnly, bool AddSpecial, bool ParseSpecial);
}
