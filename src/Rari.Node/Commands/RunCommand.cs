using System.CommandLine;
using Rari.Node.Trading;

namespace Rari.Node.Commands;

/// <summary>
/// <c>rari run grid|volatility|hybrid [--test]</c>: starts the actor system and trades. With <c>--test</c> the venue is
/// the simulated exchange (started in-process over recorded data unless <c>--venue</c> names a running one), reached
/// through the real Aster client over loopback; without it, Aster itself with the credentials in the environment.
/// </summary>
/// <remarks>Exit codes: 0 after a clean stop; 1 when start-up fails (venue unreachable, journal unusable); 2 for bad
/// arguments or configuration (each problem printed on its own line).</remarks>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var mode = new Argument<string>("mode") { Description = "grid, volatility or hybrid", HelpName = "grid|volatility|hybrid" };
        var test = new Option<bool>("--test") { Description = "trade the simulated exchange instead of Aster (no keys, no network)" };
        var venue = new Option<string>("--venue") { Description = "with --test: a running simulator's URL (credentials from ASTER_* variables) instead of one in-process", HelpName = "URL" };
        var market = new Option<string>("--market")
        {
            Description = "with --test: replay (recorded data, the default) or live (paper trading on Aster's live prices, rari.live-market; needs the internet)",
            HelpName = "replay|live",
        };
        var data = new Option<string[]>("--data")
        {
            Description = "with --test: kline files or folders the in-process simulator replays (default: the bundled sample)",
            HelpName = "FILE_OR_DIR",
            AllowMultipleArgumentsPerToken = true,
        };
        var speed = new Option<double?>("--speed") { Description = $"with --test: replay speed in market seconds per second (default {RunRequest.DefaultSpeed})", HelpName = "N" };
        var history = new Option<int?>("--history-bars") { Description = $"with --test: minutes replayed before trading, for warm-up (default {RunRequest.DefaultHistoryBars})", HelpName = "N" };
        var symbols = new Option<string>("--symbols") { Description = "trade only these symbols, e.g. BTCUSDT,ETHUSDT", HelpName = "A,B" };
        var duration = new Option<string>("--duration") { Description = "stop by itself after this long, e.g. 90s, 10m, 2h", HelpName = "LEN" };
        var config = new Option<string>("--config") { Description = "a HOCON file layered over hocon/rari.conf", HelpName = "FILE" };
        var set = new Option<string[]>("--set") { Description = "override a setting under rari, e.g. --set grid.levels=12; repeatable", HelpName = "key=value" };
        var state = new Option<string>("--state") { Description = "folder of the SQLite journal (default: rari.persistence.sqlite-path's folder)", HelpName = "DIR" };
        var logs = new Option<string>("--logs") { Description = "folder for rari-*.log and audit-*.jsonl (default logs)", HelpName = "DIR" };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "do not serve the web dashboard" };
        var dashboardPort = new Option<int?>("--dashboard-port") { Description = "the dashboard's TCP port (default rari.dashboard.port, 8501; 0 picks a free one)", HelpName = "PORT" };
        var dashboardBind = new Option<string>("--dashboard-bind") { Description = "the dashboard's address (default 127.0.0.1; another needs RARI_DASHBOARD_TOKEN)", HelpName = "ADDRESS" };

        var command = new Command("run", "Run the trader: rari run grid|volatility|hybrid [--test]")
        {
            mode, test, venue, market, data, speed, history, symbols, duration, config, set, state, logs, noDashboard, dashboardPort, dashboardBind,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var raw = new RunArguments(
                parse.GetValue(mode),
                parse.GetValue(test),
                parse.GetValue(venue),
                parse.GetValue(market),
                parse.GetValue(data) ?? [],
                parse.GetValue(speed),
                parse.GetValue(history),
                parse.GetValue(symbols),
                parse.GetValue(duration),
                parse.GetValue(config),
                parse.GetValue(set) ?? [],
                parse.GetValue(state),
                parse.GetValue(logs),
                parse.GetValue(noDashboard),
                parse.GetValue(dashboardPort),
                parse.GetValue(dashboardBind));
            var errors = RunRequest.TryCreate(raw, out var request);
            if (errors.Count > 0)
            {
                foreach (var message in errors)
                {
                    await error.WriteLineAsync("rari run: " + message).ConfigureAwait(false);
                }

                await error.WriteLineAsync("Run 'rari run --help' for the options.").ConfigureAwait(false);
                return TraderRun.UsageExitCode;
            }

            return await new TraderRun(request!, parse.InvocationConfiguration.Output, error).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
