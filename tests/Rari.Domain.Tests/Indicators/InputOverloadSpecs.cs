using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Domain.Tests.Indicators;

/// <summary>Decimal, double and candle inputs are the same data: they must give bit-identical values.</summary>
public sealed class InputOverloadSpecs
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Should_give_identical_values_for_decimal_double_and_kline_closes()
    {
        // arrange
        var bars = RecordedKlines.Load(RecordedKlines.EthSpotVolatile);
        var fromDecimal = new ISeriesIndicator[] { new RealizedVolatility(30, Minute), new EwmaVolatility(0.94, Minute, 30), new RollingZScore(30), new BollingerBands(30, 2), new EfficiencyRatio(30), new SimpleMovingAverage(30), new ExponentialMovingAverage(30), new RollingMoments(30), new RollingMinMax(30) };
        var fromDouble = new ISeriesIndicator[] { new RealizedVolatility(30, Minute), new EwmaVolatility(0.94, Minute, 30), new RollingZScore(30), new BollingerBands(30, 2), new EfficiencyRatio(30), new SimpleMovingAverage(30), new ExponentialMovingAverage(30), new RollingMoments(30), new RollingMinMax(30) };
        var fromKline = new IIndicator[] { new RealizedVolatility(30, Minute), new EwmaVolatility(0.94, Minute, 30), new RollingZScore(30), new BollingerBands(30, 2), new EfficiencyRatio(30), new SimpleMovingAverage(30), new ExponentialMovingAverage(30) };

        for (var t = 0; t < 2_000; t++)
        {
            // act
            var close = bars[t].Close;
            var closeBar = bars[t] with { High = close, Low = close };
            for (var i = 0; i < fromDecimal.Length; i++)
            {
                UpdateWithDecimal(fromDecimal[i], close);
                fromDouble[i].Update((double)close);
                if (i < fromKline.Length)
                {
                    ((IKlineIndicator)fromKline[i]).Update(in closeBar);
                }
            }

            // assert
            for (var i = 0; i < fromDecimal.Length; i++)
            {
                Assert.Equal(MainValue(fromDouble[i]), MainValue(fromDecimal[i]));
                if (i < fromKline.Length)
                {
                    Assert.Equal(MainValue(fromDouble[i]), MainValue(fromKline[i]));
                }
            }
        }
    }

    [Fact]
    public void Should_give_identical_values_for_kline_and_double_bars()
    {
        // arrange
        var bars = RecordedKlines.Load(RecordedKlines.EthSpotVolatile);
        IKlineIndicator[] fromKline = [new AverageTrueRange(14), new AverageDirectionalIndex(14), new ParkinsonVolatility(30, Minute), new GarmanKlassVolatility(30, Minute), new RollingMinMax(30)];
        var atr = new AverageTrueRange(14);
        var adx = new AverageDirectionalIndex(14);
        var parkinson = new ParkinsonVolatility(30, Minute);
        var garmanKlass = new GarmanKlassVolatility(30, Minute);
        var extremes = new RollingMinMax(30);

        for (var t = 0; t < 2_000; t++)
        {
            // act
            var bar = bars[t];
            double open = (double)bar.Open, high = (double)bar.High, low = (double)bar.Low, close = (double)bar.Close;
            foreach (var indicator in fromKline)
            {
                indicator.Update(in bar);
            }

            atr.Update(high, low, close);
            adx.Update(high, low, close);
            parkinson.Update(high, low);
            garmanKlass.Update(open, high, low, close);
            extremes.Update(high, low);

            // assert
            Assert.Equal(atr.Value, ((AverageTrueRange)fromKline[0]).Value);
            Assert.Equal(adx.Value, ((AverageDirectionalIndex)fromKline[1]).Value);
            Assert.Equal(parkinson.Value, ((ParkinsonVolatility)fromKline[2]).Value);
            Assert.Equal(garmanKlass.Value, ((GarmanKlassVolatility)fromKline[3]).Value);
            Assert.Equal(extremes.Minimum, ((RollingMinMax)fromKline[4]).Minimum);
        }
    }

    [Fact]
    public void Should_give_identical_correlations_for_decimal_and_double_pairs()
    {
        // arrange
        var bars = RecordedKlines.Load(RecordedKlines.BtcUsdm);
        var fromDecimal = new RollingCorrelation(30);
        var fromDouble = new RollingCorrelation(30);

        foreach (var bar in bars.AsSpan(0, 2_000))
        {
            // act
            fromDecimal.Update(bar.Close, bar.Volume);
            fromDouble.Update((double)bar.Close, (double)bar.Volume);

            // assert
            Assert.Equal(fromDouble.Value, fromDecimal.Value);
        }
    }

    private static void UpdateWithDecimal(ISeriesIndicator indicator, decimal value)
    {
        switch (indicator)
        {
            case RealizedVolatility x: x.Update(value); break;
            case EwmaVolatility x: x.Update(value); break;
            case RollingZScore x: x.Update(value); break;
            case BollingerBands x: x.Update(value); break;
            case EfficiencyRatio x: x.Update(value); break;
            case SimpleMovingAverage x: x.Update(value); break;
            case ExponentialMovingAverage x: x.Update(value); break;
            case RollingMoments x: x.Update(value); break;
            case RollingMinMax x: x.Update(value); break;
            default: throw new ArgumentException($"No decimal overload known for {indicator.GetType().Name}.", nameof(indicator));
        }
    }

    private static double MainValue(IIndicator indicator) => indicator switch
    {
        RealizedVolatility x => x.Annualized,
        EwmaVolatility x => x.Annualized,
        RollingZScore x => x.Value,
        BollingerBands x => x.PercentB + x.Bandwidth,
        EfficiencyRatio x => x.Value,
        SimpleMovingAverage x => x.Value,
        ExponentialMovingAverage x => x.Value,
        RollingMoments x => x.SampleVariance,
        RollingMinMax x => x.Maximum - x.Minimum,
        _ => throw new ArgumentException($"No main value known for {indicator.GetType().Name}.", nameof(indicator)),
    };
}
