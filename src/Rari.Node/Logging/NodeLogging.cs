using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Rari.Node.Logging;

/// <summary>
/// The node's two Serilog pipelines: the diagnostic log (console and a daily rolling <c>logs/rari-*.log</c>, Akka's log
/// included) and the order audit trail (structured JSON lines in <c>logs/audit-*.jsonl</c>, nothing else in it).
/// </summary>
/// <remarks>
/// Secrets never reach either: credentials go straight from the environment into the Aster client, whose types do not
/// print them, and nothing here destructures configuration or requests.
/// </remarks>
public static class NodeLogging
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>The diagnostic logger: console (unless <paramref name="console"/> is false) and the rolling file.</summary>
    /// <param name="level">The minimum level (from LOG_LEVEL).</param>
    /// <param name="logDirectory">Where <c>rari-YYYYMMDD.log</c> files go; created when missing.</param>
    /// <param name="console">Whether to write to the console too.</param>
    public static Serilog.Core.Logger CreateDiagnostics(LogEventLevel level, string logDirectory, bool console = true)
    {
        Directory.CreateDirectory(logDirectory);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)

            // ASP.NET Core and HttpClient chatter is useful only when debugging the transport itself.
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Async(a => a.File(
                Path.Combine(logDirectory, "rari-.log"),
                outputTemplate: FileTemplate,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        if (console)
        {
            configuration = configuration.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        return configuration.CreateLogger();
    }

    /// <summary>The audit logger: one compact JSON object per line, daily files, kept for a year.</summary>
    /// <param name="logDirectory">Where <c>audit-YYYYMMDD.jsonl</c> files go; created when missing.</param>
    public static Serilog.Core.Logger CreateAudit(string logDirectory)
    {
        Directory.CreateDirectory(logDirectory);
        return new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Async(a => a.File(
                new CompactJsonFormatter(),
                Path.Combine(logDirectory, "audit-.jsonl"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 366))
            .CreateLogger();
    }
}
