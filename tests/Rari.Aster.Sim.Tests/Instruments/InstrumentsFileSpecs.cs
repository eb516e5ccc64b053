using Rari.Aster.Sim.Instruments;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Sim.Tests.Instruments;

public sealed class InstrumentsFileSpecs
{
    [Fact]
    public void Should_build_in_the_six_aster_symbols_with_realistic_rules()
    {
        // act
        var specs = InstrumentsFile.BuiltIn().ToDictionary(s => s.Instrument.Symbol.Value);

        // assert
        Assert.Equal(["ASTERUSDT", "BTCUSDT", "ETHUSDT", "PENGUUSDT", "SOLUSDT", "SUIUSDT"], specs.Keys.Order(StringComparer.Ordinal));
        var btc = specs["BTCUSDT"];
        Assert.Equal(0.1m, btc.Instrument.PriceFilter.TickSize);
        Assert.Equal(0.001m, btc.Instrument.LotSize.StepSize);
        Assert.Equal(0.001m, btc.Instrument.LotSize.MinQty);
        Assert.Equal(120m, btc.Instrument.MarketLotSize.MaxQty);
        Assert.Equal(125, btc.Instrument.LeverageBrackets[0].InitialLeverage);
        Assert.Equal(0.015m, btc.Instrument.LiquidationFeeRate);
        Assert.Equal(8, btc.FundingIntervalHours);
        Assert.All(specs.Values, s =>
        {
            Assert.Equal(5m, s.Instrument.MinNotional.Notional);
            Assert.Equal(200, s.Instrument.MaxNumOrders);
            Assert.Equal(100, s.Instrument.MaxNumAlgoOrders);
            Assert.False(s.IsDerived);
        });
        Assert.Equal(0.000001m, specs["PENGUUSDT"].Instrument.PriceFilter.TickSize);
        Assert.Equal(1m, specs["ASTERUSDT"].Instrument.LotSize.StepSize);
    }

    [Fact]
    public void Should_override_only_the_fields_a_file_gives_and_add_new_symbols()
    {
        // arrange
        var path = Temp("""
            {"symbols":[
              {"symbol":"BTCUSDT","tickSize":"0.5","minPrice":"0.5","fundingRate":"0.0003"},
              {"symbol":"DOGEUSDT","baseAsset":"DOGE","quoteAsset":"USDT","pricePrecision":6,"quantityPrecision":0,
               "minPrice":"0.00001","maxPrice":"30","tickSize":"0.00001","minQty":"1","maxQty":"50000000","stepSize":"1",
               "marketMinQty":"1","marketMaxQty":"30000000","marketStepSize":"1","minNotional":"5","maxNumOrders":200,
               "maxNumAlgoOrders":100,"multiplierUp":"1.1","multiplierDown":"0.9","multiplierDecimal":4,"liquidationFee":"0.0125",
               "marketTakeBound":"0.1","triggerProtect":"0.1","makerCommissionRate":"0.0002","takerCommissionRate":"0.0004",
               "fundingRate":"0.0001","fundingIntervalHours":4,"fundingFeeCap":"0.02","fundingFeeFloor":"-0.02","interestRate":"0.0001",
               "onboardDate":1569398400000,"leverageBrackets":[{"bracket":1,"initialLeverage":75,"notionalFloor":"0","notionalCap":"10000","maintMarginRatio":"0.005","cum":"0"}]}
            ]}
            """);

        // act
        var specs = InstrumentsFile.Load(path).ToDictionary(s => s.Instrument.Symbol.Value);

        // assert
        Assert.Equal(7, specs.Count);
        Assert.Equal(0.5m, specs["BTCUSDT"].Instrument.PriceFilter.TickSize);
        Assert.Equal(0.0003m, specs["BTCUSDT"].FundingRate);
        Assert.Equal(0.001m, specs["BTCUSDT"].Instrument.LotSize.StepSize);
        Assert.Equal(4, specs["DOGEUSDT"].FundingIntervalHours);
        Assert.Equal(new Symbol("DOGEUSDT"), specs["DOGEUSDT"].Instrument.Symbol);
    }

    [Theory]
    [InlineData("""{"symbols":[{"symbol":"NEWUSDT"}]}""", "symbol NEWUSDT, field \"baseAsset\", is missing or not a non-empty string.")]
    [InlineData("""{"symbols":[{"symbol":"BTCUSDT","tickSize":"zero"}]}""", "symbol BTCUSDT, field \"tickSize\", must be a decimal number (string or number).")]
    [InlineData("""{"symbols":[{"symbol":"BTCUSDT","fundingIntervalHours":5}]}""", "symbol BTCUSDT, field \"fundingIntervalHours\", must divide a day: 1, 2, 3, 4, 6, 8, 12 or 24.")]
    [InlineData("""{"symbols":[{"symbol":"BTCUSDT","tickSize":"-1"}]}""", "symbol BTCUSDT: PRICE_FILTER tickSize must be positive.")]
    [InlineData("""{"symbols":[{"tickSize":"1"}]}""", "entry #1, field \"symbol\", is missing.")]
    [InlineData("""{"pairs":[]}""", "must be an object with a \"symbols\" array.")]
    public void Should_name_the_symbol_and_field_of_every_problem(string json, string expected)
    {
        // arrange
        var path = Temp(json);

        // act
        var error = Assert.Throws<InvalidDataException>(() => InstrumentsFile.Load(path));

        // assert
        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Instruments file '{path}'", error.Message, StringComparison.Ordinal);
    }

    private static string Temp(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rari-instruments-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
