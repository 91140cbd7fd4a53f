namespace Sn19.Host.Miner;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sn19.Host.Configuration;
using Sn19.Host.Miner.Actors;
using Akka.Actor;
using Sn19.Actors.Hosting;
using Sn19.Actors.Wire;
using Sn19.Actors.Wire.Fiber;
using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// A miner's HTTP host (Kestrel). Open: <c>GET /health</c>, <c>GET /v1/identity</c>. Behind the signed
/// envelope: <c>POST /v1/capacity</c>, <c>/v1/chat/completions</c>, <c>/v1/completions</c>. Unless turned off
/// (<c>wire.fiber.serve</c>), the same behind fiber 2.x for Nineteen's validators: <c>GET /public-encryption-key</c>,
/// <c>POST /exchange-symmetric-key</c>, and the encrypted <c>/capacity</c>, <c>/chat/completions</c>, <c>/completions</c>. Admission and
/// quotas run in a light single-node actor system (no remoting, no journal): an actor per task backend
/// (<c>/user/gate-TASK</c>) and one per validator quota (<c>/user/quotas/HOTKEY</c>).
/// </summary>
internal sealed class MinerNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly NodeActorSystem _actors;
    private readonly FiberMinerState? _fiber;

    private MinerNode(WebApplication app, NodeActorSystem actors, string hotkey, FiberMinerState? fiber)
    {
        _app = app;
        _actors = actors;
        Hotkey = hotkey;
        _fiber = fiber;
    }

    /// <summary>The miner's actors, for the admin API and tests.</summary>
    public ActorSystem System => _actors.System;

    public string Hotkey { get; }

    /// <summary>The address Kestrel bound (port 0 in the options becomes the real port).</summary>
    public Uri Address => new(_app.Urls.First());

    public static async Task<MinerNode> StartAsync(
        MinerNodeSettings settings, IStakeView stakes, ISignatureVerifier signatures, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseUrls(settings.Listen.HttpUrl);
        var envelope = settings.Envelope.ForLargestContext(LargestContext(settings.Tasks.Values));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Each connection buffers at most this much unread input (Kestrel's default is 1 MiB): what a
            // sender that claims a validator's hotkey can park in the miner per connection before any check.
            kestrel.Limits.MaxRequestBufferSize = 64 * 1024;
            // A fiber body is the same JSON Fernet-encrypted: about 4/3 as large.
            kestrel.Limits.MaxRequestBodySize = settings.ServeFiber ? FiberProtocol.EncryptedSize(envelope.MaxBodyBytes) : envelope.MaxBodyBytes;
        });
        var app = builder.Build();

        var logger = loggers.CreateLogger("Sn19.Miner." + Short(settings.Hotkey));
        var actors = await NodeActorSystem.StartAsync("miner", NodeConfig.Build(null, persistence: null), loggers, null, cancellationToken);
        var gates = settings.Tasks.Values.ToDictionary(
            t => t.Id, t => actors.System.ActorOf(TaskGateActor.Props(t.Concurrency, t.MaxQueue), $"gate-{t.Id}"), StringComparer.Ordinal);
        var quotas = actors.System.ActorOf(ValidatorQuotasActor.Props(settings.Time, settings.Period), "quotas");
        var handler = new MinerCompletionHandler(settings.Tasks, stakes, new MinerActors(gates, quotas), settings.Time, logger);

        FiberMinerState? fiber;
        try
        {
            fiber = settings.ServeFiber ? new FiberMinerState(settings.Time, settings.FiberKeyFile, settings.FiberStorageKey) : null;
        }
        catch (Exception error) when (error is FernetException or InvalidDataException)
        {
            await app.DisposeAsync();
            throw new ConfigurationException(
                $"the fiber key file {settings.FiberKeyFile} cannot be read ({error.Message}): set STORAGE_ENCRYPTION_KEY to the key it was written with, or remove it",
                null, null, "wire.fiber.key-file", error);
        }

        if (fiber is not null)
        {
            app.UseFiber(fiber, envelope, settings.Hotkey, stakes, signatures);
        }

        app.UseWhen(
            context => context.Request.Method == HttpMethods.Post && !FiberMinerState.IsFiberPath(context.Request.Path.Value ?? string.Empty),
            branch => branch.UseRequestEnvelope(envelope, settings.Hotkey, stakes, signatures, settings.Time));
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapGet("/v1/identity", () => Results.Json(new MinerIdentity(
            settings.Hotkey, settings.Tasks.Values.Select(t => new MinerIdentityTask(t.Id, t.Kind.ToString().ToLowerInvariant())).ToArray())));
        app.MapPost("/v1/capacity", (HttpContext context) => Capacity(context, settings, stakes));
        app.MapPost("/v1/chat/completions", (HttpContext context) => handler.HandleAsync(context, TextRequestKind.Chat));
        app.MapPost("/v1/completions", (HttpContext context) => handler.HandleAsync(context, TextRequestKind.Completion));
        if (fiber is not null)
        {
            // Nineteen's paths, reached only through the fiber middleware (it decrypts the body and sets the validator).
            app.MapPost(FiberProtocol.CapacityPath, (HttpContext context) => Capacity(context, settings, stakes));
            app.MapPost(FiberProtocol.ChatPath, (HttpContext context) => handler.HandleAsync(context, TextRequestKind.Chat));
            app.MapPost(FiberProtocol.CompletionPath, (HttpContext context) => handler.HandleAsync(context, TextRequestKind.Completion));
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException inUse)
        {
            await app.DisposeAsync();
            await actors.DisposeAsync();
            fiber?.Dispose();
            throw new ConfigurationException($"cannot listen on {settings.Listen}: {inUse.Message}", null, null, "miner.listen", inUse);
        }

        var node = new MinerNode(app, actors, settings.Hotkey, fiber);
        MinerLog.Started(logger, settings.Hotkey, string.Join(", ", settings.Tasks.Keys), node.Address.ToString());
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _actors.DisposeAsync();
        _fiber?.Dispose();
    }

    /// <summary>Each task's capacity scaled to the asking validator's share of validator stake.</summary>
    private static IResult Capacity(HttpContext context, MinerNodeSettings settings, IStakeView stakes)
    {
        var validator = context.Features.Get<IRequestEnvelopeFeature>()!.ValidatorHotkey;
        var share = stakes.ValidatorShare(validator);
        var capacities = settings.Tasks.Values.ToDictionary(t => t.Id, t => t.AdvertisedCapacity * share);
        // Over fiber, Nineteen's shape: the plain task → capacity map.
        return context.Features.Get<IFiberRequestFeature>() is not null
            ? Results.Json(capacities)
            : Results.Json(new CapacityResponse(settings.Hotkey, validator, capacities));
    }

    /// <summary>The longest context of the served tasks, or null when a backend does not say (the ceiling applies).</summary>
    private static int? LargestContext(IEnumerable<ServedTask> tasks)
    {
        var largest = 0;
        foreach (var task in tasks)
        {
            if (task.Backend.ContextLength is not { } tokens)
            {
                return null;
            }

            largest = Math.Max(largest, tokens);
        }

        return largest;
    }

    private static string Short(string hotkey) => hotkey.Length > 8 ? hotkey[..8] : hotkey;
}
