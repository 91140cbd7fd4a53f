namespace Sn19.Tests.Host.Admin;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Sn19.Host.Admin;
using Sn19.Host.Configuration;

/// <summary>The admin API over real HTTP against a live Akka.NET node (<see cref="AdminTestNode"/>).</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private const string Token = AdminTestNode.Token;
    private AdminTestNode? _node;
    private HttpClient? _http;

    private HttpClient Http => _http!;

    public async Task InitializeAsync()
    {
        _node = await AdminTestNode.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_node.Server.Address) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Basic dGVzdA==")]
    public async Task Actors_MissingOrWrongToken_Returns401(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/actors");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/ADMIN/actors")]
    [InlineData("/Admin/Actors")]
    [InlineData("/admin/actors/")]
    [InlineData("/%61dmin/actors")]
    [InlineData("/admin/%61ctors")]
    [InlineData("/ADMIN/ACTOR?path=/user/other")]
    public async Task Actors_AnySpellingOfThePath_WithoutToken_Returns401(string uri)
    {
        // Regression (hardening issue, defect 1): the token was checked only on paths starting with
        // "/admin" in lower case while routing ignores case, so /ADMIN/actors answered every actor.
        using var response = await Http.GetAsync(uri);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Actors_WithToken_ListsActorsUnderPrefixWithEveryField()
    {
        var list = await GetAsync<ActorListResponse>("/admin/actors?path=/user/subnet");

        Assert.Equal("admin-test", list.System);
        Assert.Equal(["/user/subnet", "/user/subnet/contenders"], list.Actors.Select(a => a.Path));
        var subnet = list.Actors[0];
        Assert.Equal(nameof(NoteActor), subnet.Type);
        Assert.Equal("running", subnet.Status);
        Assert.Equal(1, subnet.Children);
        Assert.Equal("hello", subnet.Summary!.Value.GetProperty("lastNote").GetString());
    }

    [Fact]
    public async Task Actors_PersistentContender_ShowsItsJournalPositionAndState()
    {
        var list = await GetAsync<ActorListResponse>("/admin/actors");

        var contender = Assert.Single(list.Actors, a => a.PersistenceId == AdminTestNode.Contender.PersistenceId);
        Assert.Equal("ContenderActor", contender.Type);
        Assert.Equal(14, contender.SequenceNr);
        Assert.Equal(12, contender.Summary!.Value.GetProperty("queries").GetInt32());
        Assert.Contains(list.Actors, a => a.Path == "/user/other");
    }

    [Fact]
    public async Task Start_PortInUse_ConfigurationErrorNamingTheKey()
    {
        // Regression (hardening issue, defect 6): a port in use was a stack trace and exit 1.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => AdminTestNode.StartAsync(port));

        Assert.Equal("admin.port", error.Key);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_KnownPath_ReturnsIt_UnknownPath_Returns404()
    {
        var actor = await GetAsync<ActorInfo>("/admin/actor?path=/user/other");
        Assert.Equal("/user/other", actor.Path);

        using var missing = await SendAsync("/admin/actor?path=/user/nobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var noPath = await SendAsync("/admin/actor");
        Assert.Equal(HttpStatusCode.BadRequest, noPath.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await Http.SendAsync(request);
    }

    private async Task<T> GetAsync<T>(string uri)
    {
        using var response = await SendAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(AdminJson.Options))!;
    }
}
