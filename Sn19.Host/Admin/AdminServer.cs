namespace Sn19.Host.Admin;

using Sn19.Actors.Subnet.Validation;
using Microsoft.AspNetCore.Builder;
using Sn19.Host.Configuration;
using Sn19.Host.Hosting;
using Akka.Actor;

/// <summary>Kestrel serving <see cref="AdminEndpoints"/> for one actor system on admin.host:admin.port.</summary>
internal sealed class AdminServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminServer(WebApplication app, string address, string token)
    {
        _app = app;
        Address = address;
        Token = token;
    }

    /// <summary>The bound base address, e.g. http://127.0.0.1:40123.</summary>
    public string Address { get; }

    /// <summary>The bearer token the API asks for (the dashboard asks for it too when served off loopback).</summary>
    public string Token { get; }

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

        var app = KestrelStart.Builder(options.Host, options.Port).Build();
        AdminEndpoints.Map(app, system, options, validator, keyDefaults ?? new KeyDefaults(0, 60, 100_000));
        var address = await KestrelStart.StartAsync(app, options.Host, options.Port, "admin.port", cancellationToken);
        return new AdminServer(app, address, options.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
