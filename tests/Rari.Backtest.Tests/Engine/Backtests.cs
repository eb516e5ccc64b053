using System.Collections.Concurrent;
using Rari.Backtest.Data;
using Rari.Backtest.Engine;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using Rari.TestKit;
using Rari.Venue.Events;

namespace Rari.Backtest.Tests.Engine;

/// <summary>Loads the recorded data once and builds backtest setups over it for the engine specs.</summary>
public static class Backtests
{
    public const string BtcRange = "klines/binance-usdm/BTCUSDT-1m-20230718-20230817.csv.gz";
    public const string EthBreakout = "klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz";
    public const string SolBreakout = "klines/binance-usdm/SOLUSDT-1m-20250504-20250624.csv.gz";
    public const string SuiBreakout = "klines/binance-usdm/SUIUSDT-1m-20250504-20250603.csv.gz";

    /// <summary>The sharpest crash in ../shared/data: ETH fell 20.4 % from 3774.98 (13:22) to 3005.00 (15:09 UTC) on 2021-09-07.</summary>
    public const string EthCrash = "klines/binance-spot/ETHUSDT-1m-20210809-20210913.csv.gz";

    public const long DayMs = 86_400_000;

    private static readonly ConcurrentDictionary<string, BarSeries> Loaded = new();

    public static IReadOnlyDictionary<string, Instrument> Instruments { get; } = new Dictionary<string, Instrument>
    {
        ["BTCUSDT"] = TestInstruments.BtcUsdt,
        ["ETHUSDT"] = TestInstruments.EthUsdt,
        ["SOLUSDT"] = TestInstruments.SolUsdt,
        ["SUIUSDT"] = TestInstruments.SuiUsdt,
    };

    public static BarSeries Series(string file) =>
        Loaded.GetOrAdd(file, f => KlineFiles.Load([SharedData.File(f)], [])[0]);

    /// <summary>A market over <paramref name="days"/> days from the file's start plus <paramref name="offsetDays"/>, warmed up by <paramref name="warmUpBars"/> bars.</summary>
    public static BacktestMarket Market(string file, int days, int offsetDays = 0, int leverage = 10, int warmUpBars = 240)
    {
        var series = Series(file);
        var from = series.FirstOpenMs + (offsetDays * DayMs);
        return BacktestMarket.Create(Instruments[series.Symbol.Value], series, leverage, from, from + (days * DayMs), warmUpBars)
            ?? throw new InvalidOperationException($"{file} has no bars in that window.");
    }

    public static BacktestSettings Settings { get; } = BacktestSettings.Default with { WarmUpBars = 240 };

    public static BacktestSetup Setup(
        StrategyKind kind, IReadOnlyList<BacktestMarket> markets, StrategySet? strategies = null, BacktestSettings? settings = null, IVenueEventSink? observer = null)
    {
        var set = strategies ?? StrategySet.Default;
        return new BacktestSetup(markets, settings ?? Settings, market => set.Create(kind, market.Symbol))
        {
            Title = $"{kind} test",
            Observer = observer,
            VerifyAccount = true,
        };
    }

    public static Symbol Symbol(string value) => new(value);
}
