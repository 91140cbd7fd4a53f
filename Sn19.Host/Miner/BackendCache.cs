namespace Sn19.Host.Miner;

using Sn19.Inference.Backends.OpenAi;
using Sn19.Host.Configuration;
using Sn19.Inference.Generation;
using Sn19.Inference.Gguf;

/// <summary>
/// Opens each model once: tasks served from the same GGUF file (a chat and a completion task, say) share
/// one loaded engine and its weights; tasks on an OpenAI-compatible URL share one HTTP client per URL.
/// </summary>
internal sealed class BackendCache(LocalEngineOptions engineOptions) : IDisposable
{
    private readonly Dictionary<string, LocalInferenceBackend> _engines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    /// <summary>The backend for <paramref name="task"/>; a model file that is missing or cannot be loaded is a
    /// configuration error naming <paramref name="key"/> (the setting that named the file).</summary>
    public IInferenceBackend For(MinerTaskOptions task, string taskModel, string key)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!string.IsNullOrWhiteSpace(task.ModelFile))
        {
            var path = Path.GetFullPath(task.ModelFile);
            if (!_engines.TryGetValue(path, out var local))
            {
                local = new LocalInferenceBackend(Load(path, key), engineOptions);
                _engines[path] = local;
            }

            return local;
        }

        if (!_clients.TryGetValue(task.BackendUrl, out var http))
        {
            http = new HttpClient();
            _clients[task.BackendUrl] = http;
        }

        return new OpenAiBackend(http, new OpenAiBackendOptions { BaseUrl = new Uri(task.BackendUrl), Model = taskModel });
    }

    private LlamaEngine Load(string path, string key)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"model file {path} does not exist", null, null, key);
        }

        try
        {
            return LlamaEngine.Load(path, engineOptions);
        }
        catch (Exception e) when (e is GgufFormatException or InvalidDataException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"cannot load the model file {path}: {e.Message}", null, null, key, e);
        }
    }

    public void Dispose()
    {
        foreach (var engine in _engines.Values)
        {
            engine.Engine.Dispose();
        }

        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
