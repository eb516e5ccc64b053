using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.TestKit;

namespace Rari.Domain.Tests.Instruments;

public sealed class InstrumentSpecs
{
    [Fact]
    public void Should_expose_every_field_it_was_built_with()
    {
        // arrange
        var btc = TestInstruments.BtcUsdt;

        // act + assert
        Assert.Equal(new Symbol("BTCUSDT"), btc.Symbol);
        Assert.Equal("BTC", btc.BaseAsset);
        Assert.Equal("USDT", btc.QuoteAsset);
        Assert.Equal(2, btc.PricePrecision);
        Assert.Equal(3, btc.QuantityPrecision);
        Assert.Equal(new PriceFilter(0.1m, 1_000_000m, 0.1m), btc.PriceFilter);
        Assert.Equal(new LotSizeFilter(0.001m, 1_000m, 0.001m), btc.LotSize);
        Assert.Equal(new LotSizeFilter(0.001m, 120m, 0.001m), btc.MarketLotSize);
        Assert.Equal(5m, btc.MinNotional.Notional);
        Assert.Equal(new PercentPriceFilter(1.05m, 0.95m, 4), btc.PercentPrice);
        Assert.Equal(200, btc.MaxNumOrders);
        Assert.Equal(100, btc.MaxNumAlgoOrders);
        Assert.Equal(12, btc.LeverageBrackets.Count);
        Assert.Equal(0.015m, btc.LiquidationFeeRate);
        Assert.Equal(0.05m, btc.MarketTakeBound);
    }

    [Theory]
    [InlineData("Symbol")]
    [InlineData("BaseAsset")]
    [InlineData("QuoteAsset")]
    [InlineData("PricePrecision")]
    [InlineData("QuantityPrecision")]
    [InlineData("MaxNumOrders")]
    [InlineData("MaxNumAlgoOrders")]
    [InlineData("LiquidationFeeRate")]
    [InlineData("MarketTakeBound")]
    [InlineData("PriceFilter")]
    [InlineData("LeverageBrackets")]
    public void Should_reject_an_invalid_field_and_name_it(string field)
    {
        // arrange
        var btc = TestInstruments.BtcUsdt;
        Func<Instrument> build = field switch
        {
            "Symbol" => () => btc with { Symbol = default },
            "BaseAsset" => () => btc with { BaseAsset = "" },
            "QuoteAsset" => () => btc with { QuoteAsset = "  " },
            "PricePrecision" => () => btc with { PricePrecision = -1 },
            "QuantityPrecision" => () => btc with { QuantityPrecision = 29 },
            "MaxNumOrders" => () => btc with { MaxNumOrders = 0 },
            "MaxNumAlgoOrders" => () => btc with { MaxNumAlgoOrders = -1 },
            "LiquidationFeeRate" => () => btc with { LiquidationFeeRate = 1m },
            "MarketTakeBound" => () => btc with { MarketTakeBound = 0m },
            "PriceFilter" => () => btc with { PriceFilter = null! },
            "LeverageBrackets" => () => btc with { LeverageBrackets = [] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        // act
        var error = Assert.ThrowsAny<ArgumentException>(build);

        // assert
        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_validate_through_the_constructor_too()
    {
        // arrange
        var btc = TestInstruments.BtcUsdt;

        // act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Instrument(
            btc.Symbol, btc.BaseAsset, btc.QuoteAsset, btc.PricePrecision, btc.QuantityPrecision, btc.PriceFilter,
            btc.LotSize, btc.MarketLotSize, btc.MinNotional, btc.PercentPrice, maxNumOrders: 0, btc.MaxNumAlgoOrders,
            btc.LeverageBrackets, btc.LiquidationFeeRate, btc.MarketTakeBound));

        // assert
        Assert.Equal("MaxNumOrders", error.ParamName);
    }

    [Fact]
    public void Should_accept_a_valid_change_through_with()
    {
        // arrange
        var btc = TestInstruments.BtcUsdt;

        // act
        var changed = btc with { MaxNumOrders = 5 };

        // assert
        Assert.Equal(5, changed.MaxNumOrders);
        Assert.Equal(200, btc.MaxNumOrders);
        Assert.NotEqual(btc, changed);
    }

    [Fact]
    public void Should_be_equal_to_an_instrument_built_from_an_equal_but_separate_bracket_list()
    {
        // arrange
        var btc = TestInstruments.BtcUsdt;
        var copiedBrackets = btc.LeverageBrackets.Select(b => b with { }).Reverse().ToList();

        // act
        var rebuilt = btc with { LeverageBrackets = copiedBrackets };

        // assert
        Assert.Equal(btc, rebuilt);
        Assert.Equal(btc.GetHashCode(), rebuilt.GetHashCode());
        Assert.NotEqual(btc, btc with { LeverageBrackets = TestInstruments.AltBrackets });
    }

    [Fact]
    public void Should_keep_its_brackets_when_the_caller_changes_the_list_it_passed()
    {
        // arrange
        var source = TestInstruments.AltBrackets.ToList();
        var instrument = TestInstruments.SolUsdt with { LeverageBrackets = source };

        // act
        source.Clear();

        // assert
        Assert.Equal(6, instrument.LeverageBrackets.Count);
        Assert.False(instrument.LeverageBrackets is ICollection<LeverageBracket>);
    }

    [Fact]
    public void Should_summarise_its_bracket_table_when_printed()
    {
        // act
        var text = TestInstruments.BtcUsdt.ToString();

        // assert
        Assert.Contains("LeverageBrackets = 12 leverage brackets, 125x up to 1800000000 notional", text, StringComparison.Ordinal);
    }
}
