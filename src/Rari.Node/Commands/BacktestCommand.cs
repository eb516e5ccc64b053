using System.CommandLine;
using Rari.Backtest.Sweeps;
using Rari.Node.Backtesting;

namespace Rari.Node.Commands;

/// <summary>
/// <c>rari backtest</c>: runs strategies over recorded klines through the simulated venue and writes
/// <c>report.json</c> and <c>report.html</c>; with <c>--sweep</c> a ranked parameter sweep (<c>sweep.json</c>), with
/// <c>--walk-forward</c> a walk-forward optimisation that reports only out-of-sample results (<c>walk-forward.json</c>).
/// </summary>
public static class BacktestCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var strategy = new Option<string>("--strategy")
        {
            Description = "grid, volatility, hybrid, or preferred (each symbol's strategy from rari.assets)",
            HelpName = "grid|volatility|hybrid|preferred",
        };
        var data = new Option<string[]>("--data")
        {
            Description = "kline files (SYMBOL-1m-….csv.gz) or directories of them; repeatable",
            HelpName = "FILE_OR_DIR",
            AllowMultipleArgumentsPerToken = true,
        };
        var symbols = new Option<string>("--symbols") { Description = "only these symbols, e.g. BTCUSDT,ETHUSDT", HelpName = "A,B" };
        var from = new Option<string>("--from") { Description = "trade from this UTC time (2025-05-06 or 2025-05-06T12:00); warm-up bars come from before it when the data has them", HelpName = "DATE" };
        var to = new Option<string>("--to") { Description = "trade until this UTC time, exclusive", HelpName = "DATE" };
        var set = new Option<string[]>("--set") { Description = "override a setting under rari, e.g. --set grid.levels=12; repeatable", HelpName = "key=value" };
        var config = new Option<string>("--config") { Description = "a HOCON file layered over hocon/rari.conf", HelpName = "FILE" };
        var instruments = new Option<string>("--instruments") { Description = "instrument overrides in the simulator's instruments.json format", HelpName = "FILE" };
        var outDirectory = new Option<string>("--out") { Description = "output folder (default backtest-out/<UTC timestamp>)", HelpName = "DIR" };
        var sweep = new Option<string[]>("--sweep") { Description = "sweep a setting, e.g. --sweep grid.levels=8..16:2; repeatable (cartesian grid)", HelpName = "key=from..to:step" };
        var walkForward = new Option<string>("--walk-forward") { Description = "optimise over the sweep on each training window, report the test windows, e.g. train=30d,test=7d", HelpName = "train=LEN,test=LEN" };
        var rank = new Option<string>("--rank") { Description = $"what sweeps rank by: {string.Join(", ", RankMetrics.Names)} (default sharpe)", HelpName = "METRIC" };
        var parallel = new Option<int?>("--parallel") { Description = "runs at once in a sweep (default: the number of cores)", HelpName = "N" };

        var command = new Command("backtest", "Backtest strategies on recorded data and write report.json and report.html")
        {
            strategy, data, symbols, from, to, set, config, instruments, outDirectory, sweep, walkForward, rank, parallel,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var raw = new BacktestArguments(
                parseResult.GetValue(strategy),
                parseResult.GetValue(data) ?? [],
                parseResult.GetValue(symbols),
                parseResult.GetValue(from),
                parseResult.GetValue(to),
                parseResult.GetValue(set) ?? [],
                parseResult.GetValue(config),
                parseResult.GetValue(instruments),
                parseResult.GetValue(outDirectory),
                parseResult.GetValue(sweep) ?? [],
                parseResult.GetValue(walkForward),
                parseResult.GetValue(rank),
                parseResult.GetValue(parallel));
            var errors = BacktestRequest.TryCreate(raw, DateTime.UtcNow, out var request);
            if (errors.Count > 0)
            {
                foreach (var message in errors)
                {
                    error.WriteLine("rari backtest: " + message);
                }

                error.WriteLine("Run 'rari backtest --help' for the options.");
                return BacktestJob.UsageExitCode;
            }

            var showProgress = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
            return new BacktestJob(request!, output, error, showProgress).Run();
        });
        return command;
    }
}
