namespace Sn19.Actors.Subnet.Synthetics;

using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// Writes the synthetic chat and completion requests a validator sends to miners (reference §10.1–10.2):
/// lengths and sampling parameters drawn from the reference's distributions, text from a Markov chain.
/// Deterministic for a given <see cref="Random"/> seed.
/// </summary>
public sealed class SyntheticPayloadGenerator
{
    private static readonly string[] Endings = [".", "!", "?", "..."];

    private readonly MarkovTextModel _text;
    private readonly SyntheticOptions _options;

    public SyntheticPayloadGenerator(MarkovTextModel text, SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _text = text;
        _options = options;
    }

    /// <summary>A chat of K ∈ [min, max] messages — system, user, then alternating — ending on a user turn.</summary>
    public TextRequest Chat(string model, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var totalWords = DrawWordCount(random);
        var messageCount = RandomDistributions.UniformInclusive(random, _options.MinMessages, _options.MaxMessages);
        var wordsPerMessage = Math.Max(1, totalWords / messageCount);
        var messages = new List<ChatMessage>(messageCount + 1)
        {
            new("system", Sentence(random, wordsPerMessage)),
            new("user", Sentence(random, wordsPerMessage)),
        };
        for (var i = 2; i < messageCount; i++)
        {
            var role = i % 2 == 0 ? "assistant" : "user";
            messages.Add(new ChatMessage(role, Sentence(random, wordsPerMessage)));
        }

        if (messages[^1].Role != "user")
        {
            messages.Add(new ChatMessage("user", Sentence(random, _options.ClosingUserWords)));
        }

        return Sampling(random) with { Model = model, Messages = messages };
    }

    /// <summary>A single prompt of W words.</summary>
    public TextRequest Completion(string model, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var prompt = Sentence(random, DrawWordCount(random));
        return Sampling(random) with { Model = model, Prompt = prompt };
    }

    /// <summary>W = weighted sum of a normal and a gamma draw (not a mixture), as the reference does.</summary>
    internal int DrawWordCount(Random random)
    {
        var normal = RandomDistributions.Normal(random, _options.NormalMean, _options.NormalStandardDeviation);
        var gamma = RandomDistributions.Gamma(random, _options.GammaShape, _options.GammaScale);
        var words = (int)((_options.NormalWeight * normal) + (_options.GammaWeight * gamma));
        if (words >= _options.MaxWords)
        {
            return _options.FallbackWords;
        }

        return words <= 0 ? _options.MinWords : words;
    }

    private TextRequest Sampling(Random random) => new()
    {
        Model = "",
        Temperature = Math.Round(random.NextDouble(), 1, MidpointRounding.ToEven) * _options.MaxTemperature,
        MaxTokens = RandomDistributions.UniformInclusive(random, _options.MinMaxTokens, _options.MaxMaxTokens),
        Seed = RandomDistributions.UniformInclusive(random, 1, _options.MaxSeed),
        TopP = 1.0,
        TopK = 5,
        Stream = true,
        Logprobs = true,
    };

    private string Sentence(Random random, int words)
    {
        var text = _text.Generate(random, words);
        if (random.NextDouble() < 0.5)
        {
            text = text.TrimEnd('.', '!', '?', ',', ';', ':') + Endings[random.Next(Endings.Length)];
        }

        return text;
    }
}
