namespace Sn19.Tests.Actors.Chain.Subtensor;

using System.Text.Json;
using Sn19.Tests.Interop;
using Sn19.Tests.TestSupport;

/// <summary>
/// The finney recordings in shared/data/subtensor, and what polkadot-js (@polkadot/types 16.5.6, the oracle) decodes from
/// them: Sn19.Tests/Subtensor/decode-finney.mjs runs once per test class at test time.
/// </summary>
public sealed class FinneyRecordingsFixture
{
    public FinneyRecordingsFixture()
    {
        Directory = Path.Combine(TestPaths.SharedData, "subtensor");
        var output = NodeScript.RunAsync(
            Path.Combine(TestPaths.RepositoryRoot, "Sn19.Tests", "Subtensor"), "decode-finney.mjs", [Directory], "", CancellationToken.None).GetAwaiter().GetResult();
        using var document = JsonDocument.Parse(output);
        Oracle = document.RootElement.Clone();
        using var recorded = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "finney-recorded-rpc.json")));
        var calls = recorded.RootElement.GetProperty("metagraph").GetProperty("state_call");
        NeuronsAnswer = Hex(calls.EnumerateObject().Single(p => p.Name.Contains("NeuronInfoRuntimeApi_get_neurons_lite", StringComparison.Ordinal))
            .Value.GetProperty("result").GetString()!);
    }

    public string Directory { get; }

    /// <summary>polkadot-js's reading: <c>metadata.v14</c>, <c>metadata.v15</c>, <c>neurons</c>.</summary>
    public JsonElement Oracle { get; }

    /// <summary>The recorded answer of <c>state_call("NeuronInfoRuntimeApi_get_neurons_lite", netuid 1)</c> at block 6852690.</summary>
    public byte[] NeuronsAnswer { get; }

    public byte[] MetadataV14 => Hex(File.ReadAllText(Path.Combine(Directory, "finney-spec343-metadata-v14.hex")));

    public byte[] MetadataV15Option => Hex(File.ReadAllText(Path.Combine(Directory, "finney-spec343-metadata-v15-option.hex")));

    private static byte[] Hex(string text) => Convert.FromHexString(text.Trim().StartsWith("0x", StringComparison.Ordinal) ? text.Trim()[2..] : text.Trim());
}
