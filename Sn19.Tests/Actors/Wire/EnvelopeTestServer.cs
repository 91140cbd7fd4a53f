namespace Sn19.Tests.Actors.Wire;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Wire;

/// <summary>
/// A real Kestrel app on 127.0.0.1 (free port) with the envelope middleware in front of one endpoint,
/// <c>POST /echo</c>, which counts its runs and answers the SHA-256 of the body it read.
/// </summary>
public sealed class EnvelopeTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _endpointRuns;

    private EnvelopeTestServer(WebApplication app, Uri address, EnvelopeVerifier verifier)
    {
        _app = app;
        Address = address;
        Verifier = verifier;
    }

    /// <summary>The verifier in front of the endpoint, to watch its replay cache and unverified slots.</summary>
    internal EnvelopeVerifier Verifier { get; }

    public Uri Address { get; }

    public int EndpointRuns => Volatile.Read(ref _endpointRuns);

    public string? LastValidator { get; private set; }

    public static async Task<EnvelopeTestServer> StartAsync(
        EnvelopeOptions options, string minerHotkey, IValidatorDirectory directory, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        EnvelopeTestServer? server = null;
        var verifier = new EnvelopeVerifier(options, minerHotkey, directory, Sr25519SignatureVerifier.Instance, time);
        app.UseMiddleware<EnvelopeVerificationMiddleware>(verifier);
        app.MapPost("/echo", async (HttpContext context) =>
        {
            Interlocked.Increment(ref server!._endpointRuns);
            server.LastValidator = context.Features.Get<IRequestEnvelopeFeature>()?.ValidatorHotkey;
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return Results.Text(EnvelopeMessage.HashBody(buffer.ToArray()));
        });
        await app.StartAsync();
        var address = app.Urls.Single();
        server = new EnvelopeTestServer(app, new Uri(address), verifier);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
