using System.CommandLine;
using Rari.Node.Cluster;
using Rari.Node.Ops;
using Rari.Node.Trading;

namespace Rari.Node.Commands;

/// <summary>
/// <c>rari node grid|volatility|hybrid</c>: one member of a trader cluster. It joins the seed nodes, hosts its share of
/// the symbols (sharded, remembered, moved to survivors when a node leaves or dies), may host the risk gate and the
/// exchange gateway (cluster singletons on the oldest node), journals to the shared PostgreSQL database and serves the
/// ops console's endpoint on loopback.
/// </summary>
/// <remarks>Exit codes as <c>rari run</c>: 0 after a clean stop; 1 when start-up fails; 2 for bad arguments or configuration.</remarks>
public static class NodeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var mode = new Argument<string>("mode") { Description = "grid, volatility or hybrid (the same on every node)", HelpName = "grid|volatility|hybrid" };
        var venue = new Option<string>("--venue") { Description = "paper trading: a running simulator's URL (credentials from ASTER_* variables); default Aster", HelpName = "URL" };
        var symbols = new Option<string>("--symbols") { Description = "the symbols the cluster trades (the same on every node), e.g. BTCUSDT,ETHUSDT; default rari.assets", HelpName = "A,B" };
        var seeds = new Option<string>("--seeds") { Description = $"seed nodes, host:port or akka.tcp://rari@host:port, comma-separated (or {ClusterEndpoint.SeedsVariable})", HelpName = "A,B" };
        var host = new Option<string>("--host") { Description = $"the address to listen on for other nodes (or {ClusterEndpoint.HostVariable}; default 127.0.0.1)", HelpName = "HOST" };
        var port = new Option<int?>("--port") { Description = $"the cluster port (or {ClusterEndpoint.PortVariable}; default 0 = any free one)", HelpName = "PORT" };
        var publicHost = new Option<string>("--public-host") { Description = $"the host name other nodes reach this one by (or {ClusterEndpoint.PublicHostVariable})", HelpName = "HOST" };
        var roles = new Option<string>("--roles") { Description = $"the node's roles, comma-separated (or {ClusterEndpoint.RolesVariable}; default trader)", HelpName = "A,B" };
        var duration = new Option<string>("--duration") { Description = "stop by itself after this long, e.g. 90s, 10m, 2h", HelpName = "LEN" };
        var config = new Option<string>("--config") { Description = "a HOCON file layered over hocon/rari.conf (akka.cluster keys included)", HelpName = "FILE" };
        var set = new Option<string[]>("--set") { Description = "override a setting under rari, e.g. --set grid.levels=12; repeatable", HelpName = "key=value" };
        var state = new Option<string>("--state") { Description = "folder of the node's own files: V3 nonces, status.json, the ops token (default state)", HelpName = "DIR" };
        var logs = new Option<string>("--logs") { Description = "folder for rari-*.log and audit-*.jsonl (default logs)", HelpName = "DIR" };
        var opsHost = new Option<string>("--ops-host") { Description = $"the address the ops endpoint listens on (default {OpsEndpointOptions.DefaultHost}; 0.0.0.0 only behind a firewall)", HelpName = "HOST" };
        var opsPort = new Option<int?>("--ops-port") { Description = $"the ops endpoint's port (default {OpsEndpointOptions.DefaultPort})", HelpName = "PORT" };
        var noOps = new Option<bool>("--no-ops") { Description = "serve no ops endpoint" };
        var dashboardPort = new Option<int?>("--dashboard-port") { Description = "the web dashboard's port (default rari.dashboard.port, 8501; 0 picks a free one)", HelpName = "PORT" };
        var dashboardBind = new Option<string>("--dashboard-bind") { Description = "the address the dashboard listens on (default 127.0.0.1; any other needs RARI_DASHBOARD_TOKEN)", HelpName = "ADDRESS" };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "do not serve the web dashboard" };

        var command = new Command("node", "Join a trader cluster: rari node grid|volatility|hybrid --seeds host:port,...")
        {
            mode, venue, symbols, seeds, host, port, publicHost, roles, duration, config, set, state, logs, opsHost, opsPort, noOps, dashboardPort, dashboardBind, noDashboard,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var endpointErrors = new List<string>();
            var endpoint = ClusterEndpoint.Read(
                parse.GetValue(host), parse.GetValue(port), parse.GetValue(publicHost), parse.GetValue(seeds), parse.GetValue(roles), Environment.GetEnvironmentVariable, endpointErrors);
            var ops = OpsEndpointOptions.Read(parse.GetValue(noOps), parse.GetValue(opsHost), parse.GetValue(opsPort), endpointErrors);
            var raw = new RunArguments(
                parse.GetValue(mode),
                Test: false,
                parse.GetValue(venue),
                Market: null,
                Data: [],
                Speed: null,
                HistoryBars: null,
                parse.GetValue(symbols),
                parse.GetValue(duration),
                parse.GetValue(config),
                parse.GetValue(set) ?? [],
                parse.GetValue(state) ?? "state",
                parse.GetValue(logs),
                parse.GetValue(noDashboard),
                parse.GetValue(dashboardPort),
                parse.GetValue(dashboardBind));
            var errors = NodeRequest.TryCreate(raw, endpointErrors, endpoint, ops, out var request);
            if (errors.Count > 0)
            {
                foreach (var message in errors)
                {
                    await error.WriteLineAsync("rari node: " + message).ConfigureAwait(false);
                }

                await error.WriteLineAsync("Run 'rari node --help' for the options.").ConfigureAwait(false);
                return TraderRun.UsageExitCode;
            }

            return await new NodeRun(request!, parse.InvocationConfiguration.Output, error).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
