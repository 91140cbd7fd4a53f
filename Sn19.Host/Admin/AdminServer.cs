namespace Sn19.Host.Admin;

using Sn19.Actors.Subnet.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sn19.Host.Configuration;
using Akka.Actor;

/// <summary>Kestrel serving <see cref="AdminEndpoints"/> for one actor system on admin.host:admin.port.</summary>
internal sealed class AdminServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The bound base address, e.g. http://127.0.0.1:40123.</summary>
    public string Address { get; }

    /// <param name="validator">The validator on this node, for <c>/admin/contenders</c> and <c>/admin/weights</c>; null on other nodes.</param>
    public static async Task<AdminServer> StartAsync(
        ActorSystem system, AdminOptions options, ValidatorNode? validator, CancellationToken cancellationToken, KeyDefaults? keyDefaults = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
        }
        catch (ArgumentException invalid)
        {
            throw new ConfigurationException(invalid.Message, null, null, "admin");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        var host = options.Host.Contains(':', StringComparison.Ordinal) ? $"[{options.Host}]" : options.Host;
        builder.WebHost.UseUrls($"http://{host}:{options.Port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        AdminEndpoints.Map(app, system, options, validator, keyDefaults ?? new KeyDefaults(0, 60, 100_000));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException inUse)
        {
            await app.DisposeAsync();
            throw new ConfigurationException($"cannot listen on {host}:{options.Port}: {inUse.Message}", null, null, "admin.port", inUse);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the admin server has no bound address");
        return new AdminServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
