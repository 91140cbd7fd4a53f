namespace Sn19.Host.Cli.Model;

using System.CommandLine;
using Sn19.Inference.Gguf;
using Sn19.Inference.Generation;

/// <summary>Shared pieces of the `sn19 model` commands: loading a model with friendly errors.</summary>
internal static class ModelCommandSupport
{
    public static Option<string> ModelOption() => new("--model")
    {
        Description = "GGUF model file (llama architecture; F32, F16 or Q8_0 tensors)",
        Required = true,
    };

    public static Option<int> ThreadsOption() => new("--threads")
    {
        Description = "Kernel threads, the calling thread included; 0 = one per core",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>Loads the engine or writes why not to <paramref name="error"/> and returns null.</summary>
    public static LlamaEngine? Load(string command, string path, int threads, TextWriter error, int maxBatch = 256)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"sn19 model {command}: model file '{path}' does not exist");
            return null;
        }

        try
        {
            return LlamaEngine.Load(path, new LocalEngineOptions { Threads = threads, MaxBatch = maxBatch, MaxContext = 0 });
        }
        catch (Exception e) when (e is GgufFormatException or InvalidDataException or ArgumentException or IOException)
        {
            error.WriteLine($"sn19 model {command}: cannot load '{path}': {e.Message}");
            return null;
        }
    }
}
