using System.Globalization;
using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Trading;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Sim.Tests.Trading;

public sealed class TradingNumbersSpecs
{
    private static readonly SymbolSpec Btc = InstrumentsFile.Load(null).Single(s => s.Instrument.Symbol == new Symbol("BTCUSDT"));

    [Theory]
    [InlineData("94660", "94660.0")]
    [InlineData("94660.05", "94660.05")]
    [InlineData("0", "0.0")]
    public void Should_write_prices_with_at_least_the_ticks_decimals(string value, string expected) =>
        Assert.Equal(expected, TradingNumbers.Price(Btc, decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.01", "0.010")]
    [InlineData("-0.02", "-0.020")]
    [InlineData("5.8334", "5.8334")]
    public void Should_write_quantities_with_at_least_the_steps_decimals(string value, string expected) =>
        Assert.Equal(expected, TradingNumbers.Quantity(Btc, decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Should_round_a_repeating_average_to_five_decimals_beyond_the_tick()
    {
        // arrange
        var average = (94_660.0m + 94_660.1m + 94_660.1m) / 3m;

        // act
        var text = TradingNumbers.Average(Btc, average);

        // assert
        Assert.Equal("94660.066667", text);
    }

    [Theory]
    [InlineData("99999.6685612", "99999.66856120")]
    [InlineData("0.011975950", "0.01197595")]
    [InlineData("0.0119759505", "0.0119759505")]
    [InlineData("-0.329", "-0.32900000")]
    [InlineData("0", "0.00000000")]
    public void Should_write_money_exactly_with_at_least_eight_decimals(string value, string expected) =>
        Assert.Equal(expected, TradingNumbers.Money(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Should_cap_money_that_is_no_finite_decimal_at_sixteen_decimals()
    {
        // arrange
        var third = 1m / 3m;

        // act
        var text = TradingNumbers.Money(third);

        // assert
        Assert.Equal("0.3333333333333333", text);
    }
}
