using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Identifiers;
using Rari.TestKit;

namespace Rari.Aster.Sim.Tests.Instruments;

public sealed class DerivedInstrumentSpecs
{
    [Theory]
    [InlineData("2.1234", "0.0001", "1", 4)]
    [InlineData("150.25", "0.01", "0.01", 2)]
    [InlineData("94696.7", "0.1", "0.00001", 1)]
    [InlineData("0.031234", "0.000001", "1", 6)]
    public void Should_derive_tick_and_step_from_the_price_scale(string open, string tick, string step, int pricePrecision)
    {
        // arrange
        var price = decimal.Parse(open, System.Globalization.CultureInfo.InvariantCulture);
        var bars = TestKlines.FlatMinutes(TestKlines.Jan2024Ms, 3, price);
        var series = new SymbolSeries(new Symbol("FOOUSDT"), bars);

        // act
        var spec = DerivedInstrument.For(series);

        // assert
        Assert.True(spec.IsDerived);
        Assert.Equal(decimal.Parse(tick, System.Globalization.CultureInfo.InvariantCulture), spec.Instrument.PriceFilter.TickSize);
        Assert.Equal(decimal.Parse(step, System.Globalization.CultureInfo.InvariantCulture), spec.Instrument.LotSize.StepSize);
        Assert.Equal(pricePrecision, spec.Instrument.PricePrecision);
        Assert.Equal("FOO", spec.Instrument.BaseAsset);
        Assert.Equal(5m, spec.Instrument.MinNotional.Notional);
        Assert.True(spec.Instrument.LotSize.StepSize * price <= 5m);
    }

    [Fact]
    public void Should_take_the_finest_scale_seen_in_the_first_bars()
    {
        // arrange
        var bars = new[]
        {
            TestKlines.Bar(TestKlines.Jan2024Ms, 1.5m, 1.52m, 1.5m, 1.5m),
            TestKlines.Bar(TestKlines.Jan2024Ms + TestKlines.MinuteMs, 1.5m, 1.5m, 1.497m, 1.5m),
        };

        // act
        var spec = DerivedInstrument.For(new SymbolSeries(new Symbol("BARUSDT"), bars));

        // assert
        Assert.Equal(0.001m, spec.Instrument.PriceFilter.TickSize);
    }
}
