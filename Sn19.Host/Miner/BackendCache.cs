namespace Sn19.Host.Miner;

using Sn19.Inference.Backends.OpenAi;
using Sn19.Inference.Generation;

/// <summary>
/// Opens each model once: tasks served from the same GGUF file (a chat and a completion task, say) share
/// one loaded engine and its weights; tasks on an OpenAI-compatible URL share one HTTP client per URL.
/// </summary>
internal sealed class BackendCache(LocalEngineOptions engineOptions) : IDisposable
{
    private readonly Dictionary<string, LocalInferenceBackend> _engines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public IInferenceBackend For(MinerTaskOptions task, string taskModel)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!string.IsNullOrWhiteSpace(task.ModelFile))
        {
            var path = Path.GetFullPath(task.ModelFile);
            if (!_engines.TryGetValue(path, out var local))
            {
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException($"model file {path} does not exist", path);
                }

                local = new LocalInferenceBackend(LlamaEngine.Load(path, engineOptions), engineOptions);
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
