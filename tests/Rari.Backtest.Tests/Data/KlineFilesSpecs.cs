using Rari.Backtest.Data;
using Rari.Backtest.Engine;
using Rari.Backtest.Tests.Engine;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.TestKit;

namespace Rari.Backtest.Tests.Data;

public sealed class KlineFilesSpecs
{
    [Fact]
    public void Should_take_only_the_one_minute_kline_files_of_a_directory_sorted_by_name()
    {
        // act
        var files = KlineFiles.Find([Path.Combine(SharedData.Directory, "klines", "binance-usdm")]);

        // assert
        Assert.Equal(12, files.Count);
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.All(files, f => Assert.EndsWith(".csv.gz", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_merge_the_files_of_one_symbol_in_time_order_and_keep_only_the_symbols_asked_for()
    {
        // arrange
        var files = KlineFiles.Find([Path.Combine(SharedData.Directory, "klines", "binance-usdm")]);

        // act
        var series = KlineFiles.Load(files, [new Symbol("BTCUSDT"), new Symbol("SUIUSDT")]);

        // assert
        Assert.Equal(["BTCUSDT", "SUIUSDT"], series.Select(s => s.Symbol.Value));
        Assert.Equal(43_199 + 73_139, series[0].Count); // the 2023 and 2025 recordings, one after the other
        Assert.Equal(43_199, series[1].Count);
        Assert.Single(KlineFiles.DescribeGaps(series[0], Backtests.DayMs));
    }

    [Fact]
    public void Should_name_the_symbols_the_data_holds_when_one_asked_for_is_missing()
    {
        // arrange
        var files = KlineFiles.Find([SharedData.File(Backtests.BtcRange)]);

        // act
        var error = Assert.Throws<InvalidDataException>(() => KlineFiles.Load(files, [new Symbol("DOGEUSDT")]));

        // assert
        Assert.Equal("No data for DOGEUSDT; the files hold BTCUSDT.", error.Message);
    }

    [Fact]
    public void Should_refuse_a_file_that_is_not_a_one_minute_kline_file()
    {
        // act
        var error = Assert.Throws<InvalidDataException>(() => KlineFiles.Find([SharedData.File("trades/binance-usdm/APEUSDT-aggTrades-20241018.csv.gz")]));

        // assert
        Assert.Contains("is not a 1-minute kline file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_warm_up_on_the_bars_before_the_period_when_the_data_has_them()
    {
        // arrange
        var series = Series(100);
        var from = series.Bars[50].OpenTimeMs;

        // act
        var market = BacktestMarket.Create(TestInstruments.BtcUsdt, series, 10, from, series.Bars[80].OpenTimeMs, warmUpBars: 20)!;

        // assert
        Assert.Equal(30, market.Bars.Start);
        Assert.Equal(80, market.Bars.End);
        Assert.Equal(from, market.TradeFromMs); // <-- trading starts at --from
    }

    [Fact]
    public void Should_warm_up_on_the_first_bars_of_the_period_when_the_data_starts_inside_it()
    {
        // arrange
        var series = Series(100);

        // act
        var market = BacktestMarket.Create(TestInstruments.BtcUsdt, series, 10, long.MinValue, long.MaxValue, warmUpBars: 20)!;

        // assert
        Assert.Equal(0, market.Bars.Start);
        Assert.Equal(series.Bars[20].OpenTimeMs, market.TradeFromMs);
        Assert.Null(BacktestMarket.Create(TestInstruments.BtcUsdt, series, 10, long.MinValue, long.MaxValue, warmUpBars: 100));
    }

    private static BarSeries Series(int count) =>
        new(new Symbol("BTCUSDT"), Enumerable.Range(0, count).Select(i => new Kline(TestKlines.Jan2024Ms + (i * 60_000L), 100m, 101m, 99m, 100m, 1m)).ToArray());
}
