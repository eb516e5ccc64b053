using System.Globalization;
using System.Text.Json;
using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.TestKit;

namespace Rari.Aster.Sim.Tests.Instruments;

public sealed class ExchangeInfoSpecs(ExchangeInfoSpecs.Server server) : IClassFixture<ExchangeInfoSpecs.Server>
{
    [Fact]
    public async Task Should_list_the_symbols_with_data_and_parse_back_into_the_same_rules()
    {
        // act
        var (_, body, _) = await server.Host.GetAsync("/fapi/v1/exchangeInfo");

        // assert
        var symbols = body.GetProperty("symbols").EnumerateArray().ToDictionary(s => s.GetProperty("symbol").GetString()!);
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT", "SUIUSDT"], symbols.Keys.Order(StringComparer.Ordinal));
        var builtIn = InstrumentsFile.BuiltIn().ToDictionary(s => s.Instrument.Symbol.Value);
        foreach (var (name, json) in symbols)
        {
            var expected = builtIn[name].Instrument;
            var parsed = Parse(json, expected.LeverageBrackets);
            Assert.Equal(expected.PriceFilter, parsed.PriceFilter);
            Assert.Equal(expected.LotSize, parsed.LotSize);
            Assert.Equal(expected.MarketLotSize, parsed.MarketLotSize);
            Assert.Equal(expected.MinNotional, parsed.MinNotional);
            Assert.Equal(expected.PercentPrice, parsed.PercentPrice);
            Assert.Equal(expected.MaxNumOrders, parsed.MaxNumOrders);
            Assert.Equal(expected.MaxNumAlgoOrders, parsed.MaxNumAlgoOrders);
            Assert.Equal(expected.LiquidationFeeRate, parsed.LiquidationFeeRate);
            Assert.Equal(expected.MarketTakeBound, parsed.MarketTakeBound);
        }
    }

    [Fact]
    public async Task Should_write_the_btcusdt_entry_as_the_exchange_does()
    {
        // act
        var (_, body, _) = await server.Host.GetAsync("/fapi/v3/exchangeInfo");

        // assert
        var btc = body.GetProperty("symbols").EnumerateArray().Single(s => s.GetProperty("symbol").GetString() == "BTCUSDT");
        Assert.Equal("PERPETUAL", btc.GetProperty("contractType").GetString());
        Assert.Equal("TRADING", btc.GetProperty("status").GetString());
        Assert.Equal("BTC", btc.GetProperty("baseAsset").GetString());
        Assert.Equal("USDT", btc.GetProperty("marginAsset").GetString());
        Assert.Equal(2, btc.GetProperty("pricePrecision").GetInt32());
        Assert.Equal("0.015000", btc.GetProperty("liquidationFee").GetString());
        Assert.Equal("0.05", btc.GetProperty("marketTakeBound").GetString());
        var filters = btc.GetProperty("filters");
        Assert.Equal("""{"filterType":"PRICE_FILTER","minPrice":"0.1","maxPrice":"1000000.0","tickSize":"0.1"}""", filters[0].GetRawText());
        Assert.Equal("""{"filterType":"LOT_SIZE","stepSize":"0.001","maxQty":"1000.000","minQty":"0.001"}""", filters[1].GetRawText());
        Assert.Equal("""{"filterType":"MIN_NOTIONAL","notional":"5","minNotional":"5"}""", filters[5].GetRawText());
        Assert.Equal("""{"filterType":"PERCENT_PRICE","multiplierUp":"1.0500","multiplierDown":"0.9500","multiplierDecimal":"4"}""", filters[6].GetRawText());
        Assert.Equal(btc.GetProperty("orderTypes").GetRawText(), btc.GetProperty("OrderType").GetRawText());
        Assert.Equal(
            ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"],
            btc.GetProperty("orderTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("UTC", body.GetProperty("timezone").GetString());
        Assert.Equal("USDT", body.GetProperty("assets")[0].GetProperty("asset").GetString());
    }

    [Fact]
    public async Task Should_serve_an_empty_spot_exchange_info_for_ccxt()
    {
        // act
        var (status, body, _) = await server.Host.GetAsync("/api/v3/exchangeInfo");

        // assert
        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("symbols").GetArrayLength());
        Assert.Equal(2, body.GetProperty("rateLimits").GetArrayLength());
    }

    [Fact]
    public async Task Should_serve_leverage_brackets_as_an_array_or_one_object()
    {
        // act
        var (_, all, _) = await server.Host.SignedAsync(HttpMethod.Get, "/fapi/v1/leverageBracket");
        var (_, one, _) = await server.Host.SignedAsync(HttpMethod.Get, "/fapi/v1/leverageBracket", "symbol=ETHUSDT");

        // assert
        Assert.Equal(JsonValueKind.Array, all.ValueKind);
        Assert.Equal(4, all.GetArrayLength());
        Assert.Equal(JsonValueKind.Object, one.ValueKind);
        Assert.Equal("ETHUSDT", one.GetProperty("symbol").GetString());
        var first = one.GetProperty("brackets")[0];
        Assert.Equal(1, first.GetProperty("bracket").GetInt32());
        Assert.Equal(100, first.GetProperty("initialLeverage").GetInt32());
        Assert.Equal(10_000m, first.GetProperty("notionalCap").GetDecimal());
        Assert.Equal(0m, first.GetProperty("notionalFloor").GetDecimal());
        Assert.Equal(0.005m, first.GetProperty("maintMarginRatio").GetDecimal());
        Assert.Equal(0m, first.GetProperty("cum").GetDecimal());
        Assert.Equal(TestInstruments.EthUsdtBrackets.Count, one.GetProperty("brackets").GetArrayLength());
    }

    [Fact]
    public async Task Should_serve_commission_rates_and_refuse_unknown_symbols()
    {
        // act
        var (_, rate, _) = await server.Host.SignedAsync(HttpMethod.Get, "/fapi/v1/commissionRate", "symbol=BTCUSDT");
        var (status, error, _) = await server.Host.SignedAsync(HttpMethod.Get, "/fapi/v1/commissionRate", "symbol=DOGEUSDT");

        // assert
        Assert.Equal("""{"symbol":"BTCUSDT","makerCommissionRate":"0.0001","takerCommissionRate":"0.00035"}""", rate.GetRawText());
        Assert.Equal(400, status);
        Assert.Equal("""{"code":-1121,"msg":"Invalid symbol."}""", error.GetRawText());
    }

    [Fact]
    public async Task Should_derive_rules_for_a_symbol_found_only_in_the_data()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { DataFiles = [SharedData.File("klines/binance-usdm/XRPUSDT-1m-20250504-20250624.csv.gz")] });

        // act
        var (_, body, _) = await host.GetAsync("/fapi/v1/exchangeInfo");

        // assert
        var xrp = Assert.Single(body.GetProperty("symbols").EnumerateArray());
        Assert.Equal("XRPUSDT", xrp.GetProperty("symbol").GetString());
        Assert.Equal("XRP", xrp.GetProperty("baseAsset").GetString());
        Assert.Equal("1", xrp.GetProperty("filters")[1].GetProperty("stepSize").GetString());
        Assert.Equal("0.0001", xrp.GetProperty("filters")[0].GetProperty("tickSize").GetString());
    }

    private static Instrument Parse(JsonElement json, IReadOnlyList<LeverageBracket> brackets)
    {
        var filters = json.GetProperty("filters").EnumerateArray().ToDictionary(f => f.GetProperty("filterType").GetString()!);
        decimal D(JsonElement e, string name) => decimal.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
        LotSizeFilter Lot(string type) => new(D(filters[type], "minQty"), D(filters[type], "maxQty"), D(filters[type], "stepSize"));
        var price = filters["PRICE_FILTER"];
        var percent = filters["PERCENT_PRICE"];
        Assert.Equal(D(filters["MIN_NOTIONAL"], "notional"), D(filters["MIN_NOTIONAL"], "minNotional"));
        return new Instrument(
            new Symbol(json.GetProperty("symbol").GetString()!),
            json.GetProperty("baseAsset").GetString()!,
            json.GetProperty("quoteAsset").GetString()!,
            json.GetProperty("pricePrecision").GetInt32(),
            json.GetProperty("quantityPrecision").GetInt32(),
            new PriceFilter(D(price, "minPrice"), D(price, "maxPrice"), D(price, "tickSize")),
            Lot("LOT_SIZE"),
            Lot("MARKET_LOT_SIZE"),
            new MinNotionalFilter(D(filters["MIN_NOTIONAL"], "minNotional")),
            new PercentPriceFilter(D(percent, "multiplierUp"), D(percent, "multiplierDown"), int.Parse(percent.GetProperty("multiplierDecimal").GetString()!, CultureInfo.InvariantCulture)),
            filters["MAX_NUM_ORDERS"].GetProperty("limit").GetInt32(),
            filters["MAX_NUM_ALGO_ORDERS"].GetProperty("limit").GetInt32(),
            brackets,
            D(json, "liquidationFee"),
            D(json, "marketTakeBound"));
    }

    public sealed class Server : IAsyncLifetime
    {
        internal SimHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
