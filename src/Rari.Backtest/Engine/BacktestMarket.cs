using Rari.Backtest.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;

namespace Rari.Backtest.Engine;

/// <summary>
/// One symbol of a backtest: its instrument, its bars and the leverage set on it. Bars before
/// <see cref="TradeFromMs"/> only warm the strategy up; from it on the strategy trades.
/// </summary>
/// <param name="Instrument">The symbol's filters, brackets and fees.</param>
/// <param name="Bars">The bars, warm-up included.</param>
/// <param name="Leverage">The leverage to set (capped at the instrument's bracket maximum).</param>
/// <param name="TradeFromMs">Open time of the first bar the strategy may trade on.</param>
public sealed record BacktestMarket(Instrument Instrument, BarSeries Bars, int Leverage, long TradeFromMs)
{
    /// <summary>The symbol.</summary>
    public Symbol Symbol => Instrument.Symbol;

    /// <summary>
    /// A market trading the bars of <paramref name="series"/> in <c>[fromMs, toMs)</c>, warmed up by
    /// <paramref name="warmUpBars"/> bars: those just before <paramref name="fromMs"/> when the series has them (no data
    /// from the traded period is used twice), otherwise the first bars of the period.
    /// </summary>
    /// <returns>The market, or null when the period holds no bar left to trade after the warm-up.</returns>
    public static BacktestMarket? Create(Instrument instrument, BarSeries series, int leverage, long fromMs, long toMs, int warmUpBars)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Slice(fromMs, toMs) is not { } period)
        {
            return null;
        }

        var withHistory = period.WithHistory(warmUpBars);
        var tradeStart = Math.Max(period.Start, withHistory.Start + warmUpBars);
        return tradeStart < period.End
            ? new BacktestMarket(instrument, withHistory, leverage, series.Bars[tradeStart].OpenTimeMs)
            : null;
    }
}
