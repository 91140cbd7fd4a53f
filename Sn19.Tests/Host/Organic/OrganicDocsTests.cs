namespace Sn19.Tests.Host.Organic;

using System.Text.Json;

/// <summary>`/docs` on `sn19 local`'s gateway: the OpenAPI document describes the three routes and their errors, and the
/// UI page is served.</summary>
[Collection(LocalGatewayCollection.Name)]
public sealed class OrganicDocsTests(LocalGatewayFixture gateway)
{
    [Fact]
    public async Task Docs_ServeTheOpenApiDocument_AndItsUi()
    {
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Api, "/"), Timeout = TimeSpan.FromSeconds(30) };

        using var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json"));
        var page = await http.GetAsync("docs");

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/models", out _));
        var chat = paths.GetProperty("/v1/chat/completions").GetProperty("post");
        Assert.True(chat.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(chat.GetProperty("responses").TryGetProperty("402", out _));
        Assert.True(paths.TryGetProperty("/v1/completions", out _));
        Assert.True(page.IsSuccessStatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}
