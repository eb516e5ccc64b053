using Rari.Aster.Models;
using Rari.Aster.RateLimits;
using Rari.Domain.Instruments;
using Rari.TestKit;

namespace Rari.Aster.Tests.Models;

public sealed class ExchangeInfoSpecs
{
    // Shaped like a real answer: numbers as strings, both orderTypes and the docs' OrderType, minNotional, extra fields.
    private const string Body = """
        {"timezone":"UTC","serverTime":1750000000000,"futuresType":"U_MARGINED",
         "rateLimits":[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":2400},
                       {"rateLimitType":"ORDERS","interval":"MINUTE","intervalNum":1,"limit":1200},
                       {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":300},
                       {"rateLimitType":"NEW_KIND","interval":"MINUTE","intervalNum":1,"limit":5}],
         "exchangeFilters":[],
         "assets":[{"asset":"USDT","marginAvailable":true,"autoAssetExchange":"0"}],
         "symbols":[
          {"symbol":"BTCUSDT","pair":"BTCUSDT","contractType":"PERPETUAL","deliveryDate":4133404800000,"onboardDate":1569398400000,
           "status":"TRADING","maintMarginPercent":"2.5000","requiredMarginPercent":"5.0000","baseAsset":"BTC","quoteAsset":"USDT",
           "marginAsset":"USDT","pricePrecision":"2","quantityPrecision":3,"baseAssetPrecision":8,"quotePrecision":8,
           "underlyingType":"COIN","underlyingSubType":["PoW"],"settlePlan":0,"triggerProtect":"0.0500",
           "filters":[
             {"filterType":"PRICE_FILTER","minPrice":"0.10","maxPrice":"1000000","tickSize":"0.10"},
             {"filterType":"LOT_SIZE","stepSize":"0.001","maxQty":"1000","minQty":"0.001"},
             {"filterType":"MARKET_LOT_SIZE","stepSize":"0.001","maxQty":"120","minQty":"0.001"},
             {"filterType":"MAX_NUM_ORDERS","limit":200},
             {"filterType":"MAX_NUM_ALGO_ORDERS","limit":"100"},
             {"filterType":"MIN_NOTIONAL","notional":"1","minNotional":"5"},
             {"filterType":"PERCENT_PRICE","multiplierUp":"1.0500","multiplierDown":"0.9500","multiplierDecimal":"4"}],
           "orderTypes":["LIMIT","MARKET","STOP","STOP_MARKET","TAKE_PROFIT","TAKE_PROFIT_MARKET","TRAILING_STOP_MARKET"],
           "OrderType":["LIMIT","MARKET"],
           "timeInForce":["GTC","IOC","FOK","GTX","HIDDEN","RPI"],
           "liquidationFee":"0.015000","marketTakeBound":"0.05","symbolType":"PERPETUAL","twapMinNotional":"1000"},
          {"symbol":"NEWUSDT","status":"DELIVERING","baseAsset":"NEW","quoteAsset":"USDT","filters":[]}]}
        """;

    [Fact]
    public void Should_read_symbols_filters_and_rate_limits()
    {
        // act
        var info = AsterJson.Deserialize<AsterExchangeInfo>(Body.AsBytes());

        // assert
        Assert.Equal("UTC", info.Timezone);
        Assert.Equal(2, info.Symbols.Count);
        var btc = info.Symbols[0];
        Assert.True(btc.Status.Is(AsterSymbolStatus.Trading));
        Assert.Equal(2, btc.PricePrecision);
        Assert.Equal(0.05m, btc.TriggerProtect);
        Assert.Equal(7, btc.OrderTypes.Count);
        Assert.True(btc.OrderTypes[^1].Is(AsterOrderType.TrailingStopMarket));
        Assert.Equal(2, btc.DocsOrderTypes.Count);
        Assert.False(btc.TimeInForce[^1].IsKnown); // an unknown value is kept, not a crash
        Assert.Equal("RPI", btc.TimeInForce[^1].Raw);
        Assert.Equal(100, btc.Filter("MAX_NUM_ALGO_ORDERS")!.Limit);
        Assert.Equal("DELIVERING", info.Symbols[1].Status.Raw);
        Assert.False(info.Symbols[1].Status.IsKnown);
        Assert.Equal(
            [new RateLimitRule(RateLimitType.RequestWeight, 60_000, 2400), new RateLimitRule(RateLimitType.Orders, 60_000, 1200), new RateLimitRule(RateLimitType.Orders, 10_000, 300)],
            info.RateLimitRules());
    }

    [Fact]
    public void Should_map_a_symbol_to_the_domain_instrument()
    {
        // arrange
        var btc = AsterJson.Deserialize<AsterExchangeInfo>(Body.AsBytes()).Symbols[0];

        // act
        var instrument = btc.ToInstrument(TestInstruments.BtcUsdtBrackets);

        // assert
        Assert.Equal(new PriceFilter(0.10m, 1_000_000m, 0.10m), instrument.PriceFilter);
        Assert.Equal(new LotSizeFilter(0.001m, 1000m, 0.001m), instrument.LotSize);
        Assert.Equal(new LotSizeFilter(0.001m, 120m, 0.001m), instrument.MarketLotSize);
        Assert.Equal(5m, instrument.MinNotional.Notional); // <-- the real key wins over the docs' "notional"
        Assert.Equal(new PercentPriceFilter(1.05m, 0.95m, 4), instrument.PercentPrice);
        Assert.Equal(200, instrument.MaxNumOrders);
        Assert.Equal(100, instrument.MaxNumAlgoOrders);
        Assert.Equal(0.015m, instrument.LiquidationFeeRate);
        Assert.Equal(0.05m, instrument.MarketTakeBound);
        Assert.Equal("BTC", instrument.BaseAsset);
        Assert.Equal(12, instrument.LeverageBrackets.Count);
    }

    [Fact]
    public void Should_name_what_is_missing_when_a_symbol_cannot_be_mapped()
    {
        // arrange
        var incomplete = AsterJson.Deserialize<AsterExchangeInfo>(Body.AsBytes()).Symbols[1];

        // act
        var mapped = incomplete.TryToInstrument(TestInstruments.AltBrackets, out var instrument, out var problem);
        var error = Assert.Throws<FormatException>(() => incomplete.ToInstrument(TestInstruments.AltBrackets));

        // assert
        Assert.False(mapped);
        Assert.Null(instrument);
        Assert.Equal("exchangeInfo symbol NEWUSDT: PRICE_FILTER is missing.", problem);
        Assert.Equal(problem, error.Message);
    }

    [Fact]
    public void Should_report_an_invalid_filter_value_with_the_symbol()
    {
        // arrange
        var btc = AsterJson.Deserialize<AsterExchangeInfo>(Body.AsBytes()).Symbols[0];
        var broken = btc with { MarketTakeBound = 0m };

        // act
        var mapped = broken.TryToInstrument(TestInstruments.BtcUsdtBrackets, out _, out var problem);

        // assert
        Assert.False(mapped);
        Assert.StartsWith("exchangeInfo symbol BTCUSDT: MarketTakeBound must be in (0, 1).", problem, StringComparison.Ordinal);
    }
}
