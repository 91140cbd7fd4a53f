namespace Sn19.Tests.Host.Organic;

using System.Diagnostics;
using System.Text.Json;
using Sn19.Tests.TestSupport;

/// <summary>
/// The official OpenAI Node client (npm `openai`, pinned in clients/openai-node) against `sn19 local`'s gateway:
/// models.list(), a streamed chat completion with usage, a non-streamed text completion, and its typed errors;
/// the key's balance then drops by exactly the reported usage times the configured price.
/// </summary>
[Collection(LocalGatewayCollection.Name)]
public sealed class OpenAiClientTests(LocalGatewayFixture gateway)
{
    // organic.prices.default in hocon/defaults/organic.conf: credits per 1,000 prompt and completion tokens.
    private const decimal PromptPer1K = 0.1m;
    private const decimal CompletionPer1K = 0.2m;

    [Fact]
    public async Task OfficialClient_StreamsChat_CompletesText_ListsModels_AndIsChargedExactlyItsUsage()
    {
        var (keyId, secret) = await gateway.CreateKeyAsync("openai-node", credit: 5m);
        var client = Path.Combine(TestPaths.RepositoryRoot, "clients", "openai-node");
        await RunAsync(client, "npm", "ci", "--no-audit", "--no-fund");

        var output = await RunAsync(client, "node", "check.mjs", gateway.Api.ToString().TrimEnd('/'), secret);

        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.Equal(["chat", "completion"], root.GetProperty("models").EnumerateArray().Select(m => m.GetString()).Order());
        var chat = root.GetProperty("chat");
        var chatUsage = chat.GetProperty("usage");
        Assert.True(chat.GetProperty("tokens").GetInt32() > 0);
        Assert.Equal(chat.GetProperty("tokens").GetInt32(), chatUsage.GetProperty("completion_tokens").GetInt32());
        Assert.False(string.IsNullOrEmpty(chat.GetProperty("text").GetString()));
        var completion = root.GetProperty("completion");
        var completionUsage = completion.GetProperty("usage");
        Assert.Equal("text_completion", completion.GetProperty("object").GetString());
        Assert.InRange(completionUsage.GetProperty("completion_tokens").GetInt32(), 1, 6);
        Assert.Equal(400, root.GetProperty("badRequest").GetProperty("status").GetInt32());
        Assert.Equal("temperature", root.GetProperty("badRequest").GetProperty("param").GetString());
        Assert.Equal(401, root.GetProperty("badKey").GetProperty("status").GetInt32());

        var expected = Cost(chatUsage) + Cost(completionUsage);
        var status = await gateway.KeyStatusAsync(keyId);
        Assert.Equal(expected, status.GetProperty("charged").GetDecimal());
        Assert.Equal(5m - expected, status.GetProperty("balance").GetDecimal());
        Assert.Equal(2, status.GetProperty("requests").GetInt64());
        Assert.Equal(0, status.GetProperty("openReservations").GetInt32());
    }

    private static decimal Cost(JsonElement usage) =>
        ((usage.GetProperty("prompt_tokens").GetInt32() * PromptPer1K) + (usage.GetProperty("completion_tokens").GetInt32() * CompletionPer1K)) / 1000m;

    private static async Task<string> RunAsync(string directory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}\n{await stdout}");
        return await stdout;
    }
}
