namespace Sn19.Tests.Host.Admin;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Sn19.Actors.Kernel;
using Sn19.Host.Admin;
using Sn19.Tests.Actors.Kernel;

public sealed class AdminApiTests : IAsyncLifetime
{
    private const string Token = "test-token-0123456789";
    private readonly ActorSystem _system = ActorSystem.Create("admin-test");
    private AdminServer? _server;
    private HttpClient? _http;

    private HttpClient Http => _http!;

    public async Task InitializeAsync()
    {
        var log = new ConcurrentQueue<string>();
        var subnet = _system.Spawn("subnet", () => new RecorderActor(log));
        subnet.Tell(new RecorderMessage.Note("hello"));
        await subnet.AskAsync<object?>(
            r => new RecorderMessage.Run(c => c.Spawn("contenders", () => new RecorderActor(log)), r), TimeSpan.FromSeconds(30), default);
        _system.Spawn("other", () => new RecorderActor(log));
        _server = await AdminServer.StartAsync(_system, new AdminOptions { Port = 0, Token = Token }, default);
        _http = new HttpClient { BaseAddress = new Uri(_server.Address) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _system.DisposeAsync();
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
        Assert.Equal(nameof(RecorderActor), subnet.Type);
        Assert.Equal(ActorStatus.Running, subnet.Status);
        Assert.Equal(1024, subnet.MailboxCapacity);
        Assert.NotNull(subnet.LastMessageAt);
        Assert.Equal(1, subnet.Children);
        Assert.Equal("hello", subnet.Summary!.Value.GetProperty("lastNote").GetString());
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
