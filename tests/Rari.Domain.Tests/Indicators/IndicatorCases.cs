using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Domain.Tests.Indicators;

/// <summary>One indicator as the contract specs see it: how to build it, feed it a bar and read its main value.</summary>
/// <param name="WarmUpBars">Bars after which the indicator must first be ready.</param>
/// <param name="Create">Builds a fresh instance.</param>
/// <param name="Feed">Feeds one bar through the indicator's public update.</param>
/// <param name="Read">Reads the main value (NaN until ready).</param>
internal sealed record IndicatorCase(
    int WarmUpBars,
    Func<IIndicator> Create,
    Action<IIndicator, Kline> Feed,
    Func<IIndicator, double> Read);

/// <summary>Every public indicator with a typical configuration, by name, for the contract and allocation specs.</summary>
internal static class IndicatorCases
{
    private const int Period = 20;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static readonly Dictionary<string, IndicatorCase> All = new()
    {
        ["RollingSum"] = Series(Period, () => new RollingSum(Period), i => ((RollingSum)i).Sum),
        ["RollingMoments"] = Series(Period, () => new RollingMoments(Period), i => ((RollingMoments)i).SampleVariance),
        ["RollingMinMax"] = Bars(Period, () => new RollingMinMax(Period), i => ((RollingMinMax)i).Maximum),
        ["SimpleMovingAverage"] = Bars(Period, () => new SimpleMovingAverage(Period), i => ((SimpleMovingAverage)i).Value),
        ["ExponentialMovingAverage"] = Bars(Period, () => new ExponentialMovingAverage(Period), i => ((ExponentialMovingAverage)i).Value),
        ["EwmaVolatility"] = Bars(Period + 1, () => new EwmaVolatility(0.94, Minute, Period), i => ((EwmaVolatility)i).Annualized),
        ["RealizedVolatility"] = Bars(Period + 1, () => new RealizedVolatility(Period, Minute), i => ((RealizedVolatility)i).Annualized),
        ["TrueRange"] = Bars(1, () => new TrueRange(), i => ((TrueRange)i).Value),
        ["AverageTrueRange"] = Bars(Period, () => new AverageTrueRange(Period), i => ((AverageTrueRange)i).Value),
        ["ParkinsonVolatility"] = Bars(Period, () => new ParkinsonVolatility(Period, Minute), i => ((ParkinsonVolatility)i).Annualized),
        ["GarmanKlassVolatility"] = Bars(Period, () => new GarmanKlassVolatility(Period, Minute), i => ((GarmanKlassVolatility)i).Annualized),
        ["RollingZScore"] = Bars(Period, () => new RollingZScore(Period), i => ((RollingZScore)i).Value),
        ["BollingerBands"] = Bars(Period, () => new BollingerBands(Period, 2), i => ((BollingerBands)i).PercentB + ((BollingerBands)i).Bandwidth),
        ["EfficiencyRatio"] = Bars(Period + 1, () => new EfficiencyRatio(Period), i => ((EfficiencyRatio)i).Value),
        ["AverageDirectionalIndex"] = Bars(2 * Period, () => new AverageDirectionalIndex(Period), i => ((AverageDirectionalIndex)i).Value),
        ["RollingCorrelation"] = new(
            Period,
            () => new RollingCorrelation(Period),
            (i, k) => ((RollingCorrelation)i).Update(k.Close, k.Volume),
            i => ((RollingCorrelation)i).Value),
    };

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in All.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    public static IndicatorCase Get(string name) => All[name];

    private static IndicatorCase Series(int warmUp, Func<IIndicator> create, Func<IIndicator, double> read) =>
        new(warmUp, create, (i, k) => ((ISeriesIndicator)i).Update((double)k.Close), read);

    private static IndicatorCase Bars(int warmUp, Func<IIndicator> create, Func<IIndicator, double> read) =>
        new(warmUp, create, (i, k) => ((IKlineIndicator)i).Update(in k), read);
}
