using Rari.Backtest.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Backtest.Scan;

/// <summary>How one symbol scored in a scan.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="FromMs">Start of the period scanned.</param>
/// <param name="ToMs">End of the period scanned (the last bar's open).</param>
/// <param name="EfficiencyRatio">Mean Kaufman efficiency ratio on 15-minute bars (0 = pure chop, 1 = a straight line).</param>
/// <param name="Adx">Mean ADX on 15-minute bars (below 20: no trend; above 25: trend).</param>
/// <param name="AnnualizedVolatility">Realized volatility of 1-minute returns, annualized (0.6 = 60 %).</param>
/// <param name="QuoteVolumePerMinute">Mean traded value per minute, USDT (volume × close where the data has no quote volume).</param>
/// <param name="RangeBoundness">How range-bound, 0-1: <c>(1 − ER) × clamp((30 − ADX) / 20, 0, 1)</c>.</param>
/// <param name="Trendiness">How trending, 0-1: <c>ER × clamp((ADX − 15) / 20, 0, 1)</c>.</param>
/// <param name="VolatilityFit">Enough movement to trade, 0-1: <c>min(volatility / 0.6, 1)</c>.</param>
/// <param name="Liquidity">0-1: <c>clamp(log10(quote volume per minute) / 6, 0, 1)</c> (1 at a million USDT a minute).</param>
/// <param name="GridScore">Grid potential, 0-100: <c>100 × range-boundness × volatility fit × liquidity</c>.</param>
/// <param name="VolatilityScore">Volatility-strategy potential, 0-100: <c>100 × trendiness × volatility fit × liquidity</c>.</param>
public sealed record ScanRow(
    Symbol Symbol,
    long FromMs,
    long ToMs,
    double EfficiencyRatio,
    double Adx,
    double AnnualizedVolatility,
    double QuoteVolumePerMinute,
    double RangeBoundness,
    double Trendiness,
    double VolatilityFit,
    double Liquidity,
    double GridScore,
    double VolatilityScore);

/// <summary>
/// Ranks symbols by their potential for the grid and the volatility strategy over the recent data: range-boundness
/// (low efficiency ratio and ADX) favours the grid, trendiness (high efficiency ratio and ADX) the volatility strategy;
/// both need enough realized volatility to trade and enough liquidity to fill.
/// </summary>
/// <remarks>
/// Efficiency ratio (10 bars) and ADX (14) are measured on 15-minute bars aggregated from the 1-minute data (1-minute
/// readings are mostly noise) and averaged over the period; volatility on 1-minute returns. The formulas are on
/// <see cref="ScanRow"/>; <see cref="Explanation"/> says the same in words for the console.
/// </remarks>
public static class MarketScanner
{
    /// <summary>How the scores are made, for the console.</summary>
    public const string Explanation =
        "grid score = 100 × range-boundness × volatility fit × liquidity; volatility score = 100 × trendiness × volatility fit × liquidity.\n" +
        "range-boundness = (1 − ER) × clamp((30 − ADX) / 20, 0, 1); trendiness = ER × clamp((ADX − 15) / 20, 0, 1);\n" +
        "ER = mean 10-bar Kaufman efficiency ratio and ADX = mean 14-bar ADX, both on 15-minute bars;\n" +
        "volatility fit = min(annualized 1-minute realized volatility / 60 %, 1); liquidity = clamp(log10(USDT traded per minute) / 6, 0, 1).";

    /// <summary>Scores every series over its last <paramref name="lookbackMs"/> of data, best grid score first.</summary>
    public static IReadOnlyList<ScanRow> Scan(IReadOnlyList<BarSeries> series, long lookbackMs)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lookbackMs);
        var rows = new List<ScanRow>(series.Count);
        foreach (var s in series)
        {
            if (s.Slice(s.LastOpenMs - lookbackMs + 1, long.MaxValue) is { Count: >= 2 } recent)
            {
                rows.Add(Score(recent));
            }
        }

        return [.. rows.OrderByDescending(r => r.GridScore).ThenBy(r => r.Symbol.Value, StringComparer.Ordinal)];
    }

    /// <summary>Scores one series over all its bars.</summary>
    public static ScanRow Score(BarSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var aggregator = new KlineAggregator(KlineInterval.OneMinute, KlineInterval.FifteenMinutes);
        var efficiency = new EfficiencyRatio(10);
        var adx = new AverageDirectionalIndex(14);
        var volatility = new RealizedVolatility(Math.Max(2, series.Count - 1), TimeSpan.FromMinutes(1));
        double erSum = 0, adxSum = 0, quote = 0;
        int erCount = 0, adxCount = 0;
        for (var i = series.Start; i < series.End; i++)
        {
            ref readonly var bar = ref series.Bars[i];
            volatility.Update(bar);
            quote += bar.QuoteVolume > 0m ? (double)bar.QuoteVolume : (double)(bar.Volume * bar.Close);
            foreach (var closed in aggregator.Add(bar))
            {
                efficiency.Update(closed);
                adx.Update(closed);
                if (efficiency.IsReady)
                {
                    erSum += efficiency.Value;
                    erCount++;
                }

                if (adx.IsReady)
                {
                    adxSum += adx.Value;
                    adxCount++;
                }
            }
        }

        var er = erCount > 0 ? erSum / erCount : double.NaN;
        var meanAdx = adxCount > 0 ? adxSum / adxCount : double.NaN;
        var annualized = volatility.IsReady ? volatility.Annualized : double.NaN;
        var perMinute = quote / series.Count;
        var range = double.IsNaN(er) || double.IsNaN(meanAdx) ? 0 : (1 - er) * Math.Clamp((30 - meanAdx) / 20, 0, 1);
        var trend = double.IsNaN(er) || double.IsNaN(meanAdx) ? 0 : er * Math.Clamp((meanAdx - 15) / 20, 0, 1);
        var fit = double.IsNaN(annualized) ? 0 : Math.Min(annualized / 0.6, 1);
        var liquidity = perMinute > 1 ? Math.Clamp(Math.Log10(perMinute) / 6, 0, 1) : 0;
        return new ScanRow(
            series.Symbol,
            series.FirstOpenMs,
            series.LastOpenMs,
            er,
            meanAdx,
            annualized,
            perMinute,
            range,
            trend,
            fit,
            liquidity,
            100 * range * fit * liquidity,
            100 * trend * fit * liquidity);
    }
}
