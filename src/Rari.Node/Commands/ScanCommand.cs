using System.CommandLine;
using System.Globalization;
using Rari.Backtest.Data;
using Rari.Backtest.Output;
using Rari.Backtest.Scan;
using Rari.Node.Backtesting;

namespace Rari.Node.Commands;

/// <summary>
/// <c>rari scan --data DIR</c>: ranks the symbols of the data by their grid and volatility potential over the recent
/// days (range-boundness from efficiency ratio and ADX, realized volatility, liquidity from volume) and explains the score.
/// </summary>
public static class ScanCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var data = new Option<string[]>("--data")
        {
            Description = "kline files (SYMBOL-1m-….csv.gz) or directories of them; repeatable",
            HelpName = "FILE_OR_DIR",
            AllowMultipleArgumentsPerToken = true,
        };
        var symbols = new Option<string>("--symbols") { Description = "only these symbols, e.g. BTCUSDT,ETHUSDT", HelpName = "A,B" };
        var days = new Option<int>("--days") { Description = "how many recent days of each symbol to score (default 7)", HelpName = "N", DefaultValueFactory = _ => 7 };
        var command = new Command("scan", "Rank symbols by grid and volatility potential over their recent data") { data, symbols, days };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var paths = parseResult.GetValue(data) ?? [];
            var errors = new List<string>();
            if (paths.Length == 0)
            {
                errors.Add("--data is required: a kline file (SYMBOL-1m-….csv.gz) or a directory of them.");
            }

            if (!CommandValues.TryParseSymbols(parseResult.GetValue(symbols), out var wanted, out var bad))
            {
                errors.Add($"--symbols '{bad}' is not a symbol: list symbols such as BTCUSDT,ETHUSDT (letters and digits).");
            }

            var lookback = parseResult.GetValue(days);
            if (lookback is < 1 or > 3650)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"--days {lookback} must be 1-3650."));
            }

            if (errors.Count > 0)
            {
                errors.ForEach(e => error.WriteLine("rari scan: " + e));
                return BacktestJob.UsageExitCode;
            }

            IReadOnlyList<BarSeries> series;
            try
            {
                series = KlineFiles.Load(KlineFiles.Find(paths), wanted);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
            {
                error.WriteLine("rari scan: " + e.Message);
                return BacktestJob.UsageExitCode;
            }

            var rows = MarketScanner.Scan(series, lookback * 86_400_000L);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scan of the last {lookback} day(s) of each symbol, best grid candidate first:"));
            output.Write(ConsoleText.Scan(rows));
            return 0;
        });
        return command;
    }
}
