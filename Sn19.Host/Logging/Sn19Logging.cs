namespace Sn19.Host.Logging;

using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Json;
using Sn19.Host.Configuration;

/// <summary>
/// Serilog behind Microsoft.Extensions.Logging: human-readable lines on standard error, a rolling JSON
/// file (one event per line) under &lt;node.data-dir&gt;/logs, and a Seq server when `logging.seq.url` is set;
/// levels and per-category overrides from the `logging` section. Akka's own log events reach the same
/// pipeline through Akka.Hosting's logger factory bridge (<c>NodeActorSystem</c>). Console applications call <see cref="CreateLoggerFactory"/>; web hosts call
/// <see cref="AddSn19Logging"/> on <c>builder.Logging</c>.
/// </summary>
public static class Sn19Logging
{
    private const string ConsoleTemplate = "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>The file name pattern; Serilog inserts the date (sn19-20261121.json).</summary>
    public const string FileNamePattern = "sn19-.json";

    /// <summary>A Serilog logger for <paramref name="options"/>; the caller disposes it (that flushes the file).</summary>
    public static Logger CreateSerilogLogger(LoggingOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(LoggingOptions.Section);
        LogLevels.TryParse(options.Level, out var level);
        var config = new LoggerConfiguration().MinimumLevel.Is(level).Enrich.FromLogContext();
        foreach (var (category, text) in options.Overrides)
        {
            LogLevels.TryParse(text, out var categoryLevel);
            config.MinimumLevel.Override(category, categoryLevel);
        }

        if (options.Console.Enabled)
        {
            config.WriteTo.Console(
                outputTemplate: ConsoleTemplate,
                formatProvider: CultureInfo.InvariantCulture,
                standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose);
        }

        if (options.File.Enabled)
        {
            config.WriteTo.File(
                new JsonFormatter(renderMessage: true, formatProvider: CultureInfo.InvariantCulture),
                Path.Combine(LogDirectory(options, dataDirectory), FileNamePattern),
                fileSizeLimitBytes: options.File.MaxSize.Bytes,
                rollOnFileSizeLimit: true,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: options.File.RetainedFiles,
                flushToDiskInterval: options.File.FlushInterval);
        }

        if (options.Seq.Url.Length > 0)
        {
            config.WriteTo.Seq(options.Seq.Url, apiKey: options.Seq.ApiKey.Length > 0 ? options.Seq.ApiKey : null, formatProvider: CultureInfo.InvariantCulture);
        }

        return config.CreateLogger();
    }

    /// <summary>Where the JSON files go: logging.file.directory under node.data-dir (unless absolute).</summary>
    public static string LogDirectory(LoggingOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(Path.Combine(dataDirectory, options.File.Directory));
    }

    /// <summary>A logger factory from the `logging` and `node` sections; disposing it flushes and closes the file.
    /// Throws <see cref="ConfigurationException"/> naming the bad key.</summary>
    public static ILoggerFactory CreateLoggerFactory(IConfiguration configuration)
    {
        var (options, dataDirectory) = Read(configuration);
        return new SerilogLoggerFactory(CreateSerilogLogger(options, dataDirectory), dispose: true);
    }

    /// <summary>For a WebApplicationBuilder: replaces the default providers with Serilog
    /// (<c>builder.Logging.AddSn19Logging(builder.Configuration)</c>).</summary>
    public static ILoggingBuilder AddSn19Logging(this ILoggingBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (options, dataDirectory) = Read(configuration);
        builder.ClearProviders();
        builder.SetMinimumLevel(LogLevel.Trace);
        builder.AddSerilog(CreateSerilogLogger(options, dataDirectory), dispose: true);
        return builder;
    }

    private static (LoggingOptions Options, string DataDirectory) Read(IConfiguration configuration)
    {
        var options = OptionsBinder.Bind<LoggingOptions>(configuration, LoggingOptions.Section);
        var node = OptionsBinder.Bind<NodeOptions>(configuration, NodeOptions.Section);
        return (options, node.FullDataDir());
    }
}
