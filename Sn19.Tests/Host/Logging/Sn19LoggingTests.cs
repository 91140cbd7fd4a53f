namespace Sn19.Tests.Host.Logging;

using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;
using Sn19.Host.Logging;
using Sn19.Tests.Host.Configuration;
using Sn19.Tests.TestSupport;

public sealed partial class Sn19LoggingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "miner {Uid} joined")]
    private static partial void MinerJoined(ILogger logger, int uid);

    [LoggerMessage(Level = LogLevel.Debug, Message = "debug detail {Uid}")]
    private static partial void DebugDetail(ILogger logger, int uid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "noisy warning")]
    private static partial void NoisyWarning(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "noisy error")]
    private static partial void NoisyError(ILogger logger);

    private List<JsonElement> ReadEvents()
    {
        var files = Directory.GetFiles(Path.Combine(_dir.Path, "logs"), "sn19-*.json");
        Assert.Single(files);
        return File.ReadAllLines(files[0]).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Fact]
    public async Task CreateSerilogLogger_SeqUrlSet_EventsReachTheSeqServerWithTheApiKey()
    {
        await using var seq = await SeqIngestionReceiver.StartAsync();
        var options = new LoggingOptions
        {
            Console = { Enabled = false },
            File = { Enabled = false },
            Seq = { Url = seq.Url, ApiKey = "node-key" },
        };

        using (var factory = new SerilogLoggerFactory(Sn19Logging.CreateSerilogLogger(options, _dir.Path), dispose: true))
        {
            MinerJoined(factory.CreateLogger("Sn19.Validator"), 11);
        }

        var post = Assert.Single(seq.Posts);
        Assert.Equal("node-key", post.ApiKey);
        Assert.Contains("miner {Uid} joined", post.Body, StringComparison.Ordinal);
        Assert.Contains("\"Uid\":11", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateSerilogLogger_WritesJsonLinesFilteredByLevelAndOverride()
    {
        var options = new LoggingOptions
        {
            Level = "information",
            Overrides = new Dictionary<string, string> { ["Sn19.Noisy"] = "error" },
            Console = { Enabled = false },
        };

        using (var factory = new SerilogLoggerFactory(Sn19Logging.CreateSerilogLogger(options, _dir.Path), dispose: true))
        {
            var logger = factory.CreateLogger("Sn19.Validator");
            MinerJoined(logger, 7);
            DebugDetail(logger, 7);
            var noisy = factory.CreateLogger("Sn19.Noisy.Part");
            NoisyWarning(noisy);
            NoisyError(noisy);
        }

        var events = ReadEvents();
        Assert.Equal(["miner 7 joined", "noisy error"], events.Select(e => e.GetProperty("RenderedMessage").GetString()));
        Assert.Equal("Information", events[0].GetProperty("Level").GetString());
        Assert.Equal(7, events[0].GetProperty("Properties").GetProperty("Uid").GetInt32());
        Assert.Equal("Sn19.Validator", events[0].GetProperty("Properties").GetProperty("SourceContext").GetString());
    }

    [Fact]
    public void ContenderScope_EveryLineInside_CarriesTheContenderAndQueryIds()
    {
        var options = new LoggingOptions { Level = "information", Console = { Enabled = false } };
        using (var factory = new SerilogLoggerFactory(Sn19Logging.CreateSerilogLogger(options, _dir.Path), dispose: true))
        {
            var validator = factory.CreateLogger("Sn19.Validator");
            using (Sn19.Actors.Subnet.Validation.ContenderLogScope.Begin(validator, "5Alice", "chat", 42))
            {
                MinerJoined(validator, 1);
                // Another category in the same flow (the organic gateway's, say) carries the ids as well.
                MinerJoined(factory.CreateLogger("Sn19.Organic"), 2);
            }

            MinerJoined(validator, 3);
        }

        var events = ReadEvents();
        Assert.All(events.Take(2), e =>
        {
            Assert.Equal("5Alice/chat", e.GetProperty("Properties").GetProperty("Contender").GetString());
            Assert.Equal(42, e.GetProperty("Properties").GetProperty("QueryId").GetInt64());
        });
        Assert.False(events[2].GetProperty("Properties").TryGetProperty("Contender", out _));
    }

    [Fact]
    public void AddSn19Logging_OnLoggingBuilder_UsesConfiguredLevelAndDataDir()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["node:data-dir"] = _dir.Path,
            ["logging:level"] = "debug",
            ["logging:console:enabled"] = "false",
        }).Build();

        using (var services = new ServiceCollection().AddLogging(b => b.AddSn19Logging(configuration)).BuildServiceProvider())
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Sn19.Test");
            DebugDetail(logger, 3);
        }

        var events = ReadEvents();
        Assert.Equal("debug detail 3", Assert.Single(events).GetProperty("RenderedMessage").GetString());
    }

    [Fact]
    public void CreateLoggerFactory_BadLevel_ThrowsNamingKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["logging:level"] = "shouty",
        }).Build();

        var e = Assert.Throws<Sn19.Host.Configuration.ConfigurationException>(() => Sn19Logging.CreateLoggerFactory(configuration));

        Assert.Equal("logging.level", e.Key);
    }
}
