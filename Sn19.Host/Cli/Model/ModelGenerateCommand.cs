namespace Sn19.Host.Cli.Model;

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sn19.Inference.Generation;
using Sn19.Inference.Sampling;
using Sn19.Inference.Tokenizers;
using Spectre.Console;

/// <summary>
/// <c>sn19 model generate --model FILE --prompt TEXT [--chat] [--temperature T] [--top-k K] [--top-p P] [--seed S]
/// [--max-tokens N] [--logprobs N] [--json]</c>: streams the generated text; with --logprobs a table (or JSON)
/// of every token's log-probability and its top alternatives follows.
/// </summary>
internal static class ModelGenerateCommand
{
    public static Command Create()
    {
        var model = ModelCommandSupport.ModelOption();
        var threads = ModelCommandSupport.ThreadsOption();
        var prompt = new Option<string>("--prompt") { Description = "Prompt text (a completion prompt, or with --chat the user's message)", Required = true };
        var chat = new Option<bool>("--chat") { Description = "Send the prompt as a user message through the model's chat template" };
        var temperature = new Option<float>("--temperature") { Description = "0 = greedy", DefaultValueFactory = _ => 1f };
        var topK = new Option<int>("--top-k") { Description = "0 = off", DefaultValueFactory = _ => 0 };
        var topP = new Option<float>("--top-p") { Description = "1 = off", DefaultValueFactory = _ => 1f };
        var seed = new Option<ulong>("--seed") { Description = "Sampler seed", DefaultValueFactory = _ => 0UL };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens to generate", DefaultValueFactory = _ => 64 };
        var logprobs = new Option<int>("--logprobs") { Description = "Show each token's log-probability and this many alternatives (0-20)", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "With --logprobs: print the steps as JSON lines instead of a table" };
        var command = new Command("generate", "Generate text with seeded sampling and log-probabilities");
        foreach (var option in new Option[] { model, threads, prompt, chat, temperature, topK, topP, seed, maxTokens, logprobs, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var text = parseResult.GetValue(prompt)!;
            var request = new GenerationRequest
            {
                Prompt = parseResult.GetValue(chat) ? null : text,
                Messages = parseResult.GetValue(chat) ? [new ChatMessage("user", text)] : null,
                MaxTokens = parseResult.GetValue(maxTokens),
                Sampling = new SamplingParameters(parseResult.GetValue(temperature), parseResult.GetValue(topK), parseResult.GetValue(topP), parseResult.GetValue(seed)),
                TopLogProbs = parseResult.GetValue(logprobs),
            };
            try
            {
                request.Validate();
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"sn19 model generate: {e.Message}");
                return ExitCodes.UsageOrInput;
            }

            using var engine = ModelCommandSupport.Load("generate", parseResult.GetValue(model)!, parseResult.GetValue(threads), error);
            if (engine is null)
            {
                return ExitCodes.UsageOrInput;
            }

            var backend = new LocalInferenceBackend(engine, new LocalEngineOptions());
            var steps = new List<TokenStep>();
            try
            {
                await foreach (var step in backend.GenerateAsync(request, cancellationToken))
                {
                    steps.Add(step);
                    if (!parseResult.GetValue(json))
                    {
                        output.Write(step.Text);
                    }
                }
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"sn19 model generate: {e.Message}");
                return ExitCodes.UsageOrInput;
            }

            if (!parseResult.GetValue(json))
            {
                output.WriteLine();
                output.WriteLine($"[{steps.Count(s => s.TokenId >= 0)} tokens, finish: {steps.LastOrDefault()?.FinishReason?.ToString().ToLowerInvariant()}]");
            }

            if (request.TopLogProbs > 0 || parseResult.GetValue(json))
            {
                Print(steps, engine.Tokenizer, parseResult.GetValue(json), output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(List<TokenStep> steps, ITokenizer tokenizer, bool json, TextWriter output)
    {
        if (json)
        {
            foreach (var step in steps)
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    id = step.TokenId,
                    text = step.Text,
                    logprob = step.LogProb,
                    top = step.TopLogProbs.Select(a => new { id = a.TokenId, text = a.Text, logprob = a.LogProb }),
                    finish = step.FinishReason?.ToString().ToLowerInvariant(),
                }));
            }

            return;
        }

        var table = new Table().AddColumns("#", "id", "piece", "logprob", "top alternatives");
        var index = 0;
        foreach (var step in steps.Where(s => s.TokenId >= 0))
        {
            table.AddRow(
                (index++).ToString(CultureInfo.InvariantCulture),
                step.TokenId.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(tokenizer.TokenPiece(step.TokenId)),
                step.LogProb.ToString("F4", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("  ", step.TopLogProbs.Select(a => string.Create(CultureInfo.InvariantCulture, $"{tokenizer.TokenPiece(a.TokenId)}:{a.LogProb:F2}")))));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Write(table);
    }
}
