namespace Sn19.Actors.Hosting;

using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// A node's Akka.NET <see cref="ActorSystem"/>, composed with Akka.Hosting on a generic host: the
/// configuration of <see cref="NodeConfig"/>, then whatever the role adds (<paramref name="configure"/>).
/// Disposing stops the host, which runs Akka's coordinated shutdown (journals flushed, actors stopped).
/// </summary>
public sealed class NodeActorSystem : IAsyncDisposable
{
    private readonly IHost _host;

    private NodeActorSystem(IHost host, ActorSystem system)
    {
        _host = host;
        System = system;
    }

    public ActorSystem System { get; }

    /// <param name="loggers">Where Akka's own log events go (the node's logging); null drops them, so a command
    /// whose stdout is data (`simulate --json`) stays clean.</param>
    public static async Task<NodeActorSystem> StartAsync(
        string name, Config config, ILoggerFactory? loggers, Action<AkkaConfigurationBuilder>? configure, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(loggers ?? NullLoggerFactory.Instance);
        builder.Services.AddAkka(name, (akka, _) =>
        {
            akka.AddHocon(config, HoconAddMode.Prepend);
            akka.ConfigureLoggers(setup =>
            {
                setup.ClearLoggers();
                setup.AddLoggerFactory();
            });
            configure?.Invoke(akka);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new NodeActorSystem(host, host.Services.GetRequiredService<ActorSystem>());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
