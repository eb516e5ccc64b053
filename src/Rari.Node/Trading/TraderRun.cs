using Microsoft.Extensions.Logging;
using Rari.Domain.Identifiers;
using Rari.Node.Logging;
using Serilog.Extensions.Logging;

namespace Rari.Node.Trading;

/// <summary>
/// One <c>rari run</c>: reads and checks the configuration, opens the logs, brings up the venue (the in-process
/// simulator, a running one, or Aster), prepares the symbols, starts the actor system on the generic host, reports
/// progress, and shuts down cleanly on Ctrl-C, SIGTERM, <c>--duration</c> or the end of the replayed data.
/// </summary>
/// <param name="request">The checked arguments.</param>
/// <param name="output">Where the banner and progress go.</param>
/// <param name="error">Where start-up problems go.</param>
/// <param name="environment">Reads environment variables (secrets, LOG_LEVEL); the process environment by default.</param>
public sealed partial class TraderRun(RunRequest request, TextWriter output, TextWriter error, Func<string, string?>? environment = null)
{
    /// <summary>Exit code for bad arguments or configuration.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code for a start-up that failed (venue unreachable, symbols refused, journal unusable).</summary>
    public const int FailureExitCode = 1;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    private readonly RunRequest _request = request ?? throw new ArgumentNullException(nameof(request));
    private readonly TextWriter _output = output ?? throw new ArgumentNullException(nameof(output));
    private readonly TextWriter _error = error ?? throw new ArgumentNullException(nameof(error));
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>Runs the trader until it is told to stop; returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (await TraderConfiguration.LoadOrReportAsync(_request, _environment, _error, "rari run: ").ConfigureAwait(false) is not { } configuration)
        {
            return UsageExitCode;
        }

        var dashboard = DashboardHosting.Prepare(_request.Dashboard, configuration.Akka, _request.DashboardBind, _request.DashboardPort, _environment, out var dashboardProblems);
        if (dashboardProblems.Count > 0)
        {
            foreach (var problem in dashboardProblems)
            {
                await _error.WriteLineAsync("rari run: " + problem).ConfigureAwait(false);
            }

            return UsageExitCode;
        }

        var level = configuration.LogLevel;
        using var diagnostics = NodeLogging.CreateDiagnostics(level, _request.LogDirectory);
        using var auditLog = NodeLogging.CreateAudit(_request.LogDirectory);
        using var loggerFactory = new SerilogLoggerFactory(diagnostics);
        var log = loggerFactory.CreateLogger("rari.run");
        try
        {
            return await RunWithLogsAsync(configuration, dashboard, diagnostics, auditLog, loggerFactory, log, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    private async Task<int> RunWithLogsAsync(
        TraderConfiguration configuration,
        DashboardHosting? dashboard,
        Serilog.Core.Logger diagnostics,
        Serilog.Core.Logger auditLog,
        ILoggerFactory loggerFactory,
        Microsoft.Extensions.Logging.ILogger log,
        CancellationToken cancellationToken)
    {
        await using var venue = await VenueConnection.OpenAsync(_request, configuration, _environment, loggerFactory, cancellationToken).ConfigureAwait(false);
        if (venue.Problem is { } problem)
        {
            return await FailAsync(venue.ProblemExitCode, problem).ConfigureAwait(false);
        }

        var symbols = ChooseSymbols(configuration, venue);
        string? catalogProblem = null;
        if (await venue.LoadCatalogAsync(symbols, configuration.Rari, log, p => catalogProblem = p, cancellationToken).ConfigureAwait(false) is not { } catalog)
        {
            return await FailAsync(FailureExitCode, catalogProblem!).ConfigureAwait(false);
        }

        var audit = new SerilogAuditTrail(auditLog, diagnostics);
        var runtime = venue.CreateRuntime(_request.Mode, symbols, configuration.Rari, catalog, dashboard?.Wrap(audit) ?? audit, loggerFactory);

        using var started = await TraderHost.StartAsync(configuration.Akka, configuration.LogLevel, diagnostics, runtime, cancellationToken).ConfigureAwait(false);
        var (host, system, registry) = (started.Host, started.System, started.Registry);
        await using var web = await StartDashboardAsync(dashboard, configuration, symbols, system, registry, loggerFactory, cancellationToken).ConfigureAwait(false);
        if (dashboard is not null && web is null)
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return FailureExitCode;
        }

        await WriteBannerAsync(configuration, venue, symbols, web).ConfigureAwait(false);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_request.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }

        var statusPath = Path.Combine(configuration.StateDirectory, "status.json");
        var reason = await new TraderProgress(registry, audit, venue, symbols, _output, ProgressInterval, statusPath).RunUntilStoppedAsync(stop.Token).ConfigureAwait(false);
        await _output.WriteLineAsync($"rari run: stopping ({reason}); state is journaled in {configuration.JournalDescription}").ConfigureAwait(false);
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await system.WhenTerminated.ConfigureAwait(false);
        await _output.WriteLineAsync("rari run: stopped").ConfigureAwait(false);
        return 0;
    }

    private IReadOnlyList<Symbol> ChooseSymbols(TraderConfiguration configuration, VenueConnection venue)
    {
        if (_request.Symbols.Count > 0)
        {
            return _request.Symbols;
        }

        return venue.ReplayedSymbols ?? [.. configuration.Rari.Assets.Profiles.Select(p => p.Symbol)];
    }

    private async Task WriteBannerAsync(TraderConfiguration configuration, VenueConnection venue, IReadOnlyList<Symbol> symbols, Dashboard.Hosting.DashboardHost? web)
    {
        var mode = _request.Mode.ToString().ToLowerInvariant();
        await _output.WriteLineAsync($"rari run {mode}: trading {string.Join(", ", symbols)} on {venue.Description}").ConfigureAwait(false);
        await _output.WriteLineAsync($"  journal: {configuration.JournalDescription}; logs: {Path.GetFullPath(_request.LogDirectory)} (rari-*.log, audit-*.jsonl)").ConfigureAwait(false);
        if (web is not null)
        {
            await _output.WriteLineAsync($"  dashboard: {web.UrlWithToken} (the token is the key to the controls; --no-dashboard turns it off)").ConfigureAwait(false);
        }

        await _output.WriteLineAsync("  Ctrl-C stops: no new orders, state journaled, open orders handled per rari.gateway.").ConfigureAwait(false);
    }

    private async Task<int> FailAsync(int exitCode, string message)
    {
        await _error.WriteLineAsync("rari run: " + message).ConfigureAwait(false);
        return exitCode;
    }
}
