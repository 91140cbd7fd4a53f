namespace Sn19.Host.Cli.Model;

using System.CommandLine;
using System.Globalization;
using Sn19.Inference.Generation;

/// <summary>
/// <c>sn19 model bench --model FILE [--threads N] [--decode-tokens N] [--prefill-tokens N] [--bandwidth]</c>:
/// decode and batched-prefill tokens per second; with --bandwidth also the decode's bandwidth efficiency =
/// weight bytes per token × tokens/s ÷ read bandwidth, from rounds that alternate a bandwidth probe and
/// decode steps (see <see cref="BandwidthEfficiency"/>).
/// </summary>
internal static class ModelBenchCommand
{
    public static Command Create()
    {
        var model = ModelCommandSupport.ModelOption();
        var threads = ModelCommandSupport.ThreadsOption();
        var decode = new Option<int>("--decode-tokens") { Description = "Decode steps to time", DefaultValueFactory = _ => 64 };
        var prefill = new Option<int>("--prefill-tokens") { Description = "Tokens in the timed prefill batch", DefaultValueFactory = _ => 256 };
        var streams = new Option<int>("--streams") { Description = "Also time this many sequences decoding together, one batched step per token (what a miner serving concurrent requests does); 0 = skip", DefaultValueFactory = _ => 4 };
        var bandwidth = new Option<bool>("--bandwidth") { Description = "Also report decode's bandwidth efficiency: 7 rounds of a read probe (sums 512 MiB) then 32 decode steps" };
        var command = new Command("bench", "Measure decode and prefill tokens per second");
        command.Options.Add(model);
        command.Options.Add(threads);
        command.Options.Add(decode);
        command.Options.Add(prefill);
        command.Options.Add(streams);
        command.Options.Add(bandwidth);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var prefillTokens = Math.Max(1, parseResult.GetValue(prefill));
            using var engine = ModelCommandSupport.Load("bench", parseResult.GetValue(model)!, parseResult.GetValue(threads), parseResult.InvocationConfiguration.Error, prefillTokens);
            if (engine is null)
            {
                return ExitCodes.UsageOrInput;
            }

            var decodeRate = EngineBenchmark.DecodeTokensPerSecond(engine, Math.Max(1, parseResult.GetValue(decode)));
            var prefillRate = EngineBenchmark.PrefillTokensPerSecond(engine, prefillTokens);
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"model {engine.Name}, {engine.Threads} threads, {engine.WeightBytesPerToken / 1e6:F1} MB of weights per token"));
            output.WriteLine($"q8_0 kernels  {LlamaEngine.Q8Kernels}");
            output.WriteLine(string.Create(inv, $"decode        {decodeRate,8:F1} tok/s"));
            output.WriteLine(string.Create(inv, $"prefill-{prefillTokens,-5} {prefillRate,8:F1} tok/s ({prefillRate / decodeRate:F1}x decode per token)"));
            var streamCount = parseResult.GetValue(streams);
            if (streamCount > 1)
            {
                var batched = EngineBenchmark.BatchedDecodeTokensPerSecond(engine, streamCount);
                output.WriteLine(string.Create(inv, $"decode x{streamCount,-4} {batched,8:F1} tok/s in all ({batched / decodeRate:F1}x one stream)"));
            }

            if (parseResult.GetValue(bandwidth))
            {
                var efficiency = EngineBenchmark.InterleavedEfficiency(engine);
                output.WriteLine(string.Create(
                    inv,
                    $"efficiency    {efficiency.Median,8:F2} median of {efficiency.Rounds} rounds (range {efficiency.Lowest:F2}-{efficiency.Highest:F2}): decode streams {engine.WeightBytesPerToken * efficiency.MedianDecodeTokensPerSecond / 1e9:F1} GB/s, read bandwidth {efficiency.MedianReadBytesPerSecond / 1e9:F1} GB/s"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
