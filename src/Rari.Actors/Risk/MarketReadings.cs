using Rari.Domain.Identifiers;
using Rari.Domain.Indicators;
using Rari.Domain.Risk;

namespace Rari.Actors.Risk;

/// <summary>
/// What the risk gate knows of each symbol's market from the symbols' <see cref="SymbolMarketObserved"/> reports: the
/// latest mark, volatility, ATR and standing stop, and the rolling return correlation of every pair of symbols.
/// Market state, not journaled (the symbols report again at their next bar); touched only on the gate's thread.
/// </summary>
/// <remarks>
/// Two symbols' returns are paired only when they belong to the same bar close, so a symbol that skipped a bar does
/// not pair its return with another bar's. A repeated report of the same bar updates the readings but is not paired
/// twice.
/// </remarks>
internal sealed class MarketReadings(int correlationWindow)
{
    private readonly Dictionary<Symbol, SymbolReading> _bySymbol = [];
    private readonly Dictionary<(Symbol, Symbol), RollingCorrelation> _pairs = [];
    private CorrelationTable? _correlations;

    /// <summary>The latest reading of <paramref name="symbol"/>, or null before its first report.</summary>
    public SymbolReading? Of(Symbol symbol) => _bySymbol.TryGetValue(symbol, out var reading) ? reading : null;

    /// <summary>The correlations of every pair whose window is full and defined; rebuilt only after a new pair.</summary>
    public CorrelationTable Correlations => _correlations ??= BuildTable();

    /// <summary>Takes a symbol's report and says what it brought.</summary>
    public MarketNews Observe(SymbolMarketObserved report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var previous = Of(report.Symbol);
        if (report.MarkPrice <= 0m || report.TimestampMs < previous?.TimestampMs)
        {
            return MarketNews.None;
        }

        var isNewBar = report.BarReturn is not null && previous?.ReturnTimeMs != report.TimestampMs;
        var reading = new SymbolReading(
            report.MarkPrice,
            report.TimestampMs,
            report.Volatility is >= 0m ? report.Volatility : null,
            report.AverageTrueRange is >= 0m ? report.AverageTrueRange : null,
            report.StopLossPrice is > 0m ? report.StopLossPrice : null,
            report.BarReturn ?? previous?.Return,
            report.BarReturn is null ? previous?.ReturnTimeMs : report.TimestampMs);
        _bySymbol[report.Symbol] = reading;
        if (isNewBar)
        {
            PairReturns(report.Symbol, report.TimestampMs, report.BarReturn!.Value);
        }

        return isNewBar ? MarketNews.NewBar : MarketNews.Mark;
    }

    private void PairReturns(Symbol symbol, long timeMs, decimal barReturn)
    {
        foreach (var (other, reading) in _bySymbol)
        {
            if (other == symbol || reading.ReturnTimeMs != timeMs || reading.Return is not { } otherReturn)
            {
                continue;
            }

            // One correlation per pair, its first series the symbol that sorts first, so either arrival order pairs alike.
            var first = string.CompareOrdinal(symbol.Value, other.Value) < 0;
            var key = first ? (symbol, other) : (other, symbol);
            if (!_pairs.TryGetValue(key, out var correlation))
            {
                correlation = new RollingCorrelation(correlationWindow);
                _pairs.Add(key, correlation);
            }

            correlation.Update(first ? barReturn : otherReturn, first ? otherReturn : barReturn);
            _correlations = null;
        }
    }

    private CorrelationTable BuildTable()
    {
        var pairs = new List<SymbolCorrelation>(_pairs.Count);
        foreach (var ((a, b), correlation) in _pairs)
        {
            if (SymbolCorrelation.FromReading(a, b, correlation.Value) is { } pair)
            {
                pairs.Add(pair);
            }
        }

        return pairs.Count == 0 ? CorrelationTable.Empty : new CorrelationTable(pairs);
    }
}

/// <summary>What a symbol's report brought the readings.</summary>
internal enum MarketNews
{
    /// <summary>Nothing: it was older than the last report, or had no usable mark.</summary>
    None,

    /// <summary>A newer mark and readings, but no bar return not seen before.</summary>
    Mark,

    /// <summary>A newer mark and the return of a bar not seen before.</summary>
    NewBar,
}

/// <summary>One symbol's latest market reading, as its symbol last reported it.</summary>
/// <param name="Mark">The mark price.</param>
/// <param name="TimestampMs">Market time of the report.</param>
/// <param name="Volatility">Annualised realized volatility; null until known.</param>
/// <param name="AverageTrueRange">ATR in price units; null until known.</param>
/// <param name="StopLossPrice">The symbol's standing protective stop; null when none.</param>
/// <param name="Return">The latest bar return; null before the first.</param>
/// <param name="ReturnTimeMs">The close time of the bar <paramref name="Return"/> belongs to.</param>
internal sealed record SymbolReading(
    decimal Mark,
    long TimestampMs,
    decimal? Volatility,
    decimal? AverageTrueRange,
    decimal? StopLossPrice,
    decimal? Return,
    long? ReturnTimeMs);
