namespace Sn19.Benchmarks.Host.Miner;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Sn19.Actors.Chain.Http;
using Sn19.Actors.Crypto;
using Sn19.Actors.Wire;
using Sn19.Inference.Kernels;
using Sn19.Inference.TestModels;

/// <summary>
/// What unsigned requests cost a real miner (hardening issue, defect 2). Starts `sn19 chain serve` and
/// `sn19 miner` (tiny test model) as child processes on loopback, registers //Alice as a validator, then
/// sends N requests at once that carry Alice's hotkey, a fresh nonce and a signature of zeros, each with a
/// body of B KiB (8 MiB by default): anyone can send exactly this. Prints the miner's resident memory before, its peak, and
/// what it keeps afterwards, with the status codes it answered.
/// <code>dotnet run -c Release --project Sn19.Benchmarks -- unverified-flood [--requests 180] [--body-kib 8192] [--sn19 PATH/sn19.dll]</code>
/// <c>--sn19</c> points at another build's sn19.dll (an older commit's, to compare).
/// </summary>
internal static class UnverifiedFloodReport
{
    public const string Command = "unverified-flood";
    private const string Task = "chat-llama-3-2-3b-comp";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = ReportArguments.IntOption(args, "--requests", 180);
        var bodyKiB = ReportArguments.IntOption(args, "--body-kib", 8 * 1024);
        var sn19 = ReportArguments.Option(args, "--sn19") ?? Path.Combine(AppContext.BaseDirectory, "sn19.dll");
        var work = Directory.CreateTempSubdirectory("sn19-flood-");
        try
        {
            var model = Path.Combine(work.FullName, "tiny.gguf");
            TestModelWriter.Write(TestModelShape.Tiny, Path.Combine(AppContext.BaseDirectory, "assets", "vocab", "ggml-vocab-llama-spm.gguf"), WeightType.Q8_0, 1, model);
            using var chainProcess = ChildProcess.Start(sn19, "chain", "serve", "--data-dir", Path.Combine(work.FullName, "chain"), "--listen", "127.0.0.1:0", "--block-time", "1s");
            var chainUrl = AddressIn(await chainProcess.WaitForLineAsync("listening on"));
            var alice = Sr25519Keypair.FromSecretUri("//Alice");
            using (var http = new HttpClient { BaseAddress = new Uri(chainUrl.TrimEnd('/') + "/") })
            {
                var chain = new HttpChainClient(http);
                (await chain.RegisterAsync(alice.Ss58Address, Sr25519Keypair.FromSecretUri("//Alice//cold").Ss58Address, default)).GetValueOrThrow();
                (await chain.AddStakeAsync(Sr25519Keypair.FromSecretUri("//Alice//cold").Ss58Address, alice.Ss58Address, 10_000_000_000_000, default)).GetValueOrThrow();
            }

            var bob = Sr25519Keypair.FromSecretUri("//Bob");
            using var miner = ChildProcess.Start(
                sn19, "miner",
                "--set", $"miner.hotkey={bob.Ss58Address}",
                "--set", $"miner.coldkey={Sr25519Keypair.FromSecretUri("//Bob//cold").Ss58Address}",
                "--set", $"chain.url={chainUrl}",
                "--set", "miner.listen=127.0.0.1:0",
                "--set", $"miner.tasks.{Task}.model-file={model}",
                "--set", "logging.level=error");
            var minerUrl = new Uri(AddressIn(await miner.WaitForLineAsync(" serving ")));

            var before = miner.MemoryMiB("VmRSS");
            var watch = Stopwatch.StartNew();
            var statuses = await FloodAsync(minerUrl, alice.Ss58Address, bob.Ss58Address, requests, bodyKiB);
            var elapsed = watch.Elapsed;
            var peak = miner.MemoryMiB("VmHWM");
            await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(3));
            var kept = miner.MemoryMiB("VmRSS");

            Console.WriteLine($"sn19: {sn19}");
            Console.WriteLine($"{requests} requests of {bodyKiB} KiB, forged envelope (registered validator's hotkey, zero signature), all at once; {elapsed.TotalSeconds:F1} s");
            Console.WriteLine("| miner RSS before | peak (VmHWM) | kept 3 s after | answers |");
            Console.WriteLine("|---|---|---|---|");
            var answers = string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {before:F0} MiB | {peak:F0} MiB | {kept:F0} MiB | {answers} |"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string[]> FloodAsync(Uri miner, string validator, string minerHotkey, int requests, int bodyKiB)
    {
        var body = new byte[bodyKiB * 1024];
        Array.Fill(body, (byte)'x');
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = requests }) { Timeout = TimeSpan.FromMinutes(2) };
        var sends = Enumerable.Range(0, requests).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(miner, "v1/completions")) { Content = new ByteArrayContent(body) };
            request.Headers.Add(WireHeaders.ValidatorHotkey, validator);
            request.Headers.Add(WireHeaders.MinerHotkey, minerHotkey);
            request.Headers.Add(WireHeaders.Nonce, WireNonce.Create(TimeProvider.System));
            request.Headers.Add(WireHeaders.Signature, "0x" + new string('0', 128));
            try
            {
                using var response = await http.SendAsync(request);
                return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                // The miner answered (413) and closed the connection before the whole body was sent.
                return "closed while sending";
            }
        });
        return await System.Threading.Tasks.Task.WhenAll(sends);
    }

    /// <summary>The http://… address in a start-up line, without trailing punctuation.</summary>
    private static string AddressIn(string line)
    {
        var start = line.IndexOf("http://", StringComparison.Ordinal);
        var end = line.IndexOfAny([' ', '(', ')'], start);
        return (end < 0 ? line[start..] : line[start..end]).TrimEnd('/', ',');
    }
}
