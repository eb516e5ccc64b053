using Akka.Actor;
using Rari.Actors.Hosting;
using Rari.Actors.Ops;
using Rari.Actors.Venue;
using Rari.Dashboard.Hosting;
using Rari.Domain.Identifiers;
using Rari.Node.Logging;
using Rari.Node.Ops;
using Rari.Node.Trading;
using Serilog.Extensions.Logging;

namespace Rari.Node.Cluster;

/// <summary>
/// One <c>rari node</c>: the building blocks of <c>rari run</c> (<see cref="TraderConfiguration"/>,
/// <see cref="VenueConnection"/>, <see cref="SymbolCatalogLoader"/>, <see cref="RariRuntime"/>, <c>AddRariActors</c>,
/// <see cref="TraderProgress"/>) put together as a cluster member: the cluster endpoint over the HOCON, symbols
/// remembered by the shard region, the PostgreSQL journal, and the ops endpoint.
/// </summary>
/// <param name="request">The checked arguments.</param>
/// <param name="output">Where the banner and progress go.</param>
/// <param name="error">Where start-up problems go.</param>
/// <param name="environment">Reads environment variables; the process environment by default.</param>
public sealed class NodeRun(NodeRequest request, TextWriter output, TextWriter error, Func<string, string?>? environment = null)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan OpsTimeout = TimeSpan.FromSeconds(10);

    private readonly NodeRequest _request = request ?? throw new ArgumentNullException(nameof(request));
    private readonly TextWriter _output = output ?? throw new ArgumentNullException(nameof(output));
    private readonly TextWriter _error = error ?? throw new ArgumentNullException(nameof(error));
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>Runs the node until it is told to stop (Ctrl-C, SIGTERM, <c>--duration</c>); returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (await TraderConfiguration.LoadOrReportAsync(_request.Run, _environment, _error, "rari node: ").ConfigureAwait(false) is not { } configuration)
        {
            return TraderRun.UsageExitCode;
        }

        var run = _request.Run;
        var dashboard = DashboardHosting.Prepare(run.Dashboard, configuration.Akka, run.DashboardBind, run.DashboardPort, _environment, out var dashboardProblems);
        if (dashboardProblems.Count > 0)
        {
            foreach (var problem in dashboardProblems)
            {
                await _error.WriteLineAsync("rari node: " + problem).ConfigureAwait(false);
            }

            return TraderRun.UsageExitCode;
        }

        var logDirectory = run.LogDirectory;
        using var diagnostics = NodeLogging.CreateDiagnostics(configuration.LogLevel, logDirectory);
        using var auditLog = NodeLogging.CreateAudit(logDirectory);
        using var loggerFactory = new SerilogLoggerFactory(diagnostics);
        try
        {
            return await RunWithLogsAsync(configuration, dashboard, diagnostics, auditLog, loggerFactory, cancellationToken).ConfigureAwait(false);
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
        SerilogLoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var run = _request.Run;
        await using var venue = await VenueConnection.OpenAsync(run, configuration, _environment, loggerFactory, cancellationToken).ConfigureAwait(false);
        if (venue.Problem is { } problem)
        {
            return await FailAsync(venue.ProblemExitCode, problem).ConfigureAwait(false);
        }

        IReadOnlyList<Symbol> symbols = run.Symbols.Count > 0 ? run.Symbols : [.. configuration.Rari.Assets.Profiles.Select(p => p.Symbol)];
        string? catalogProblem = null;
        if (await venue.LoadCatalogAsync(symbols, configuration.Rari, loggerFactory.CreateLogger("rari.node"), p => catalogProblem = p, cancellationToken).ConfigureAwait(false) is not { } catalog)
        {
            return await FailAsync(TraderRun.FailureExitCode, catalogProblem!).ConfigureAwait(false);
        }

        var audit = new SerilogAuditTrail(auditLog, diagnostics);
        var runtime = venue.CreateRuntime(run.Mode, symbols, configuration.Rari, catalog, dashboard?.Wrap(audit) ?? audit, loggerFactory) with { RememberSymbols = true };

        using var started = await TraderHost.StartAsync(
            _request.Endpoint.ToHocon().WithFallback(configuration.Akka), configuration.LogLevel, diagnostics, runtime, cancellationToken).ConfigureAwait(false);
        var (host, system, registry) = (started.Host, started.System, started.Registry);

        OpsEndpoint? ops = null;
        string? tokenSource = null;
        if (_request.Ops is { } opsOptions)
        {
            var token = OpsToken.ForNode(_environment, configuration.StateDirectory, out tokenSource);
            try
            {
                ops = await OpsEndpoint.StartAsync(new OpsService(system, registry, symbols, OpsTimeout), opsOptions, token, logDirectory: run.LogDirectory, loggerFactory, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return await FailAsync(TraderRun.FailureExitCode, $"the ops endpoint cannot listen on {opsOptions.Host}:{opsOptions.Port} ({e.Message}); choose another --ops-port or pass --no-ops").ConfigureAwait(false);
            }
        }

        DashboardHost? web = null;
        if (dashboard is not null)
        {
            try
            {
                web = await dashboard.StartAsync(run.Mode.ToString().ToLowerInvariant(), symbols, configuration.Rari, system, registry, loggerFactory, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                if (ops is not null)
                {
                    await ops.DisposeAsync().ConfigureAwait(false);
                }

                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return await FailAsync(TraderRun.UsageExitCode, $"the dashboard cannot listen on {dashboard.Listening} ({e.Message}); choose another --dashboard-port or pass --no-dashboard").ConfigureAwait(false);
            }
        }

        try
        {
            await WriteBannerAsync(system, configuration, venue, symbols, ops, tokenSource, web).ConfigureAwait(false);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (run.Duration is { } duration)
            {
                stop.CancelAfter(duration);
            }

            // The actor system also stops by itself: SIGTERM runs Akka's coordinated shutdown (a graceful leave), an
            // operator's `cluster leave` too, and a node that was downed (the minority side of a partition, or an
            // operator's `cluster down`) exits with an error, for its supervisor to start it again.
            using var downed = system.WhenTerminated.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            var statusPath = Path.Combine(configuration.StateDirectory, "status.json");
            var reason = await new TraderProgress(registry, audit, venue, symbols, _output, ProgressInterval, statusPath).RunUntilStoppedAsync(stop.Token).ConfigureAwait(false);
            if (system.WhenTerminated.IsCompleted && CoordinatedShutdown.Get(system).ShutdownReason is CoordinatedShutdown.ClusterDowningReason)
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return await FailAsync(TraderRun.FailureExitCode, "this node was downed (by the split-brain resolver on the minority side of a partition, or by an operator) and trades nothing more; start it again to rejoin.").ConfigureAwait(false);
            }

            if (system.WhenTerminated.IsCompleted)
            {
                reason = CoordinatedShutdown.Get(system).ShutdownReason is CoordinatedShutdown.ClusterLeavingReason ? "an operator asked it to leave" : "asked to stop";
            }

            await _output.WriteLineAsync($"rari node: leaving the cluster ({reason}); its symbols and singletons hand over to the other nodes").ConfigureAwait(false);
        }
        finally
        {
            if (web is not null)
            {
                await web.DisposeAsync().ConfigureAwait(false);
            }

            if (ops is not null)
            {
                await ops.DisposeAsync().ConfigureAwait(false);
            }
        }

        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await system.WhenTerminated.ConfigureAwait(false);
        await _output.WriteLineAsync("rari node: stopped").ConfigureAwait(false);
        return 0;
    }

    private async Task WriteBannerAsync(
        ActorSystem system, TraderConfiguration configuration, VenueConnection venue, IReadOnlyList<Symbol> symbols, OpsEndpoint? ops, string? tokenSource, DashboardHost? web)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var seeds = cluster.Settings.SeedNodes.Count == 0 ? "none: it founds a cluster of its own" : string.Join(", ", cluster.Settings.SeedNodes);
        var mode = _request.Run.Mode.ToString().ToLowerInvariant();
        await _output.WriteLineAsync($"rari node {mode}: member {cluster.SelfAddress} (roles {string.Join(", ", cluster.SelfRoles)}), seeds {seeds}").ConfigureAwait(false);
        await _output.WriteLineAsync($"  the cluster trades {string.Join(", ", symbols)} on {venue.Description}").ConfigureAwait(false);
        await _output.WriteLineAsync($"  journal: {configuration.JournalDescription}; logs: {Path.GetFullPath(_request.Run.LogDirectory)}").ConfigureAwait(false);
        await _output.WriteLineAsync(ops is null
            ? "  ops endpoint: off (--no-ops)"
            : $"  ops endpoint: {ops.Address} (token from {tokenSource}); try: rari ops cluster show --port {ops.Address.Port}").ConfigureAwait(false);
        await _output.WriteLineAsync(web is null
            ? "  dashboard: off (--no-dashboard or rari.dashboard.enabled = false)"
            : $"  dashboard: {web.UrlWithToken} (the token is the key to the controls)").ConfigureAwait(false);
    }

    private async Task<int> FailAsync(int exitCode, string message)
    {
        await _error.WriteLineAsync("rari node: " + message).ConfigureAwait(false);
        return exitCode;
    }
}
