namespace Sn19.Host.Cli.Model;

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sn19.Inference.Generation;
using Sn19.Inference.Sampling;
using Sn19.Inference.Scoring;
using Spectre.Console;

/// <summary>
/// <c>sn19 model score --model FILE (--text TEXT | --ids "1 2 3") [--from N] [--temperature T] [--top-k K] [--top N] [--json]</c>:
/// one batched prefill over the sequence; for every position from --from on, the actual token's log-probability,
/// vLLM rank and the top alternatives.
/// </summary>
internal static class ModelScoreCommand
{
    public static Command Create()
    {
        var model = ModelCommandSupport.ModelOption();
        var threads = ModelCommandSupport.ThreadsOption();
        var text = new Option<string?>("--text") { Description = "Text to score (encoded with BOS as the vocabulary asks)" };
        var ids = new Option<string?>("--ids") { Description = "Token ids to score, separated by spaces or commas" };
        var from = new Option<int>("--from") { Description = "First position to score (≥ 1)", DefaultValueFactory = _ => 1 };
        var temperature = new Option<float>("--temperature") { Description = "Temperature of the log-probabilities; 0 = raw", DefaultValueFactory = _ => 1f };
        var topK = new Option<int>("--top-k") { Description = "Top-k applied before the log-softmax (vLLM); 0 = off", DefaultValueFactory = _ => 0 };
        var topP = new Option<float>("--top-p") { Description = "Top-p applied before the log-softmax; 1 = off", DefaultValueFactory = _ => 1f };
        var top = new Option<int>("--top") { Description = "Alternatives per position (0-20)", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print JSON lines instead of a table" };
        var command = new Command("score", "Score a token sequence: log-probability and rank of every next token");
        foreach (var option in new Option[] { model, threads, text, ids, from, temperature, topK, topP, top, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var textValue = parseResult.GetValue(text);
            var idsValue = parseResult.GetValue(ids);
            if ((textValue is null) == (idsValue is null))
            {
                error.WriteLine("sn19 model score: give exactly one of --text and --ids");
                return ExitCodes.UsageOrInput;
            }

            int[]? tokens = null;
            if (idsValue is not null)
            {
                var parts = idsValue.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
                var parsed = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1).ToArray();
                if (parsed.Any(v => v < 0))
                {
                    error.WriteLine("sn19 model score: --ids must be non-negative integers");
                    return ExitCodes.UsageOrInput;
                }

                tokens = parsed;
            }

            using var engine = ModelCommandSupport.Load("score", parseResult.GetValue(model)!, parseResult.GetValue(threads), error);
            if (engine is null)
            {
                return ExitCodes.UsageOrInput;
            }

            tokens ??= engine.Tokenizer.Encode(textValue!, addSpecial: true);
            if (tokens.Any(t => t >= engine.Tokenizer.VocabularySize))
            {
                error.WriteLine($"sn19 model score: token ids must be below the vocabulary size {engine.Tokenizer.VocabularySize}");
                return ExitCodes.UsageOrInput;
            }

            var request = new ScoringRequest(tokens, parseResult.GetValue(from), new SamplingParameters(parseResult.GetValue(temperature), parseResult.GetValue(topK), parseResult.GetValue(topP)), parseResult.GetValue(top));
            ScoringResult result;
            try
            {
                result = await new LocalInferenceBackend(engine, new LocalEngineOptions()).ScoreAsync(request, cancellationToken);
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"sn19 model score: {e.Message}");
                return ExitCodes.UsageOrInput;
            }

            var inv = CultureInfo.InvariantCulture;
            if (parseResult.GetValue(json))
            {
                foreach (var p in result.Positions)
                {
                    output.WriteLine(JsonSerializer.Serialize(new
                    {
                        position = p.Position,
                        id = p.TokenId,
                        logprob = float.IsFinite(p.LogProb) ? p.LogProb : (float?)null,
                        rank = p.Rank,
                        top = p.Top.Select(t => new { id = t.TokenId, logprob = t.LogProb }),
                    }));
                }

                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("pos", "id", "piece", "logprob", "rank", "top");
            foreach (var p in result.Positions)
            {
                table.AddRow(
                    p.Position.ToString(inv),
                    p.TokenId.ToString(inv),
                    Markup.Escape(engine.Tokenizer.TokenPiece(p.TokenId)),
                    p.LogProb.ToString("F4", inv),
                    p.Rank.ToString(inv),
                    Markup.Escape(string.Join("  ", p.Top.Select(t => string.Create(inv, $"{engine.Tokenizer.TokenPiece(t.TokenId)}:{t.LogProb:F2}")))));
            }

            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors }).Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
