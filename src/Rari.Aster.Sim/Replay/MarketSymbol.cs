using System.Runtime.CompilerServices;
using Rari.Aster.Sim.Instruments;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Replay;

/// <summary>
/// A symbol the simulator serves: its rules, its recorded bars and how far the replay has got through them. Every
/// market endpoint and stream reads it; only <see cref="MarketReplay"/> moves it forward.
/// </summary>
/// <remarks>
/// The book update id is one more than the number of bars replayed: each replayed bar is one book update
/// (fact sheet §4.4: one increasing id per symbol drives REST <c>lastUpdateId</c>, diff-stream <c>U/u/pu</c> and
/// bookTicker <c>u</c>). Reads are lock-free and safe from any thread.
/// </remarks>
public sealed class MarketSymbol
{
    private int _replayed;
    private StrongBox<decimal>? _liveLastPrice;

    /// <summary>Pairs a symbol's rules with its bars.</summary>
    public MarketSymbol(SymbolSpec spec, SymbolSeries series, int index)
    {
        if (spec.Instrument.Symbol != series.Symbol)
        {
            throw new ArgumentException($"The rules are for {spec.Instrument.Symbol} but the bars are {series.Symbol}.", nameof(series));
        }

        Spec = spec;
        Series = series;
        Index = index;
    }

    /// <summary>The symbol.</summary>
    public Symbol Symbol => Series.Symbol;

    /// <summary>The symbol's rules.</summary>
    public SymbolSpec Spec { get; }

    /// <summary>The recorded bars.</summary>
    public SymbolSeries Series { get; }

    /// <summary>Position in <see cref="MarketReplay.Symbols"/>.</summary>
    public int Index { get; }

    /// <summary>How many bars have been replayed so far.</summary>
    public int ReplayedCount => Volatile.Read(ref _replayed);

    /// <summary>The most recently replayed bar, or null before the first.</summary>
    public Kline? LastBar => ReplayedCount is var count and > 0 ? Series.Bars[count - 1] : null;

    /// <summary>
    /// The last traded price: in a live market the upstream's last trade once one arrived; otherwise the last replayed
    /// close, or the first bar's open before any bar is replayed.
    /// </summary>
    public decimal LastPrice
    {
        get
        {
            // A box read is atomic; a decimal is not.
            return Volatile.Read(ref _liveLastPrice)?.Value ?? LastBar?.Close ?? Series.Bars[0].Open;
        }
    }

    /// <summary>The current book update id: replayed bars + 1.</summary>
    public long BookUpdateId => ReplayedCount + 1L;

    internal void MarkReplayed(int count) => Volatile.Write(ref _replayed, count);

    /// <summary>The live market's last trade price.</summary>
    internal void SetLiveLastPrice(decimal price) => Volatile.Write(ref _liveLastPrice, new StrongBox<decimal>(price));
}

/// <summary>One symbol's bar as the replay passes its close.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Bar">The 1-minute bar.</param>
/// <param name="Index">The bar's index in the symbol's series.</param>
/// <param name="BookUpdateId">The symbol's book update id after this bar.</param>
public sealed record ReplayedBar(MarketSymbol Symbol, Kline Bar, int Index, long BookUpdateId);

/// <summary>Every symbol's bar of one replayed minute, in symbol order.</summary>
public sealed class ReplayedBarsEventArgs : EventArgs
{
    /// <summary>Creates the notification.</summary>
    public ReplayedBarsEventArgs(long openTimeMs, IReadOnlyList<ReplayedBar> bars)
    {
        OpenTimeMs = openTimeMs;
        Bars = bars;
    }

    /// <summary>The minute's open time, UTC epoch ms.</summary>
    public long OpenTimeMs { get; }

    /// <summary>The market time once the minute is replayed: its close, open + 60,000 ms. Stream events carry it as <c>E</c>.</summary>
    public long MarketTimeMs => OpenTimeMs + SymbolSeries.BarMs;

    /// <summary>The bars, one per symbol that has data in this minute.</summary>
    public IReadOnlyList<ReplayedBar> Bars { get; }
}
