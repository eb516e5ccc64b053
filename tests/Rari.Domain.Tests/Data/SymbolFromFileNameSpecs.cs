using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Domain.Tests.Data;

public class SymbolFromFileNameSpecs
{
    [Theory]
    [InlineData("BTCUSDT-1m-20230718-20230817.csv.gz", "BTCUSDT", "1m")]
    [InlineData("/work/shared/data/klines/binance-usdm/SOLUSDT-1m-20250504-20250624.csv.gz", "SOLUSDT", "1m")]
    [InlineData("ETHUSDT-4h-2024-02.csv", "ETHUSDT", "4h")]
    [InlineData("BTCUSDT-1M-2024.csv", "BTCUSDT", "1M")]
    [InlineData("btcusdt-15m.csv", "BTCUSDT", "15m")]
    public void Should_read_symbol_and_interval_from_a_kline_file_name(string name, string symbol, string interval)
    {
        // act
        var (parsedSymbol, parsedInterval) = SymbolFromFileName.Parse(name);

        // assert
        Assert.Equal(new Symbol(symbol), parsedSymbol);
        Assert.Equal(KlineInterval.Parse(interval), parsedInterval);
    }

    [Theory]
    [InlineData("APEUSDT-aggTrades-20241018.csv.gz")]
    [InlineData("BTCUSDT.csv")]
    [InlineData("-1m-2024.csv")]
    [InlineData("BTC_USDT-1m.csv")]
    [InlineData("")]
    public void Should_reject_a_name_without_symbol_and_interval(string name)
    {
        // act
        var parsed = SymbolFromFileName.TryParse(name, out _, out _);

        // assert
        Assert.False(parsed);
        Assert.Throws<FormatException>(() => SymbolFromFileName.Parse(name));
    }

    [Theory]
    [InlineData("APEUSDT-aggTrades-20241018.csv.gz", "APEUSDT")]
    [InlineData("orderbook/hyperliquid/BTC-hyperliquid-l2book-20250126.csv", "BTC")]
    public void Should_read_just_the_symbol_from_any_recorded_file_name(string name, string symbol)
    {
        // act
        var parsed = SymbolFromFileName.ParseSymbol(name);

        // assert
        Assert.Equal(new Symbol(symbol), parsed);
    }
}
