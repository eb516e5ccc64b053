using Rari.Actors.Risk;
using Rari.Domain.Identifiers;
using Rari.Domain.Indicators;
using Rari.Domain.Market;
using Rari.Domain.Risk;

namespace Rari.Actors.Symbols;

/// <summary>
/// A symbol's market readings for the risk gate, kept by its supervisor from the closed bars: each bar's return and
/// the standard deviation of the returns before it (<see cref="ReturnTracker"/>, the circuit breaker's input), the
/// annualised realized volatility (<see cref="RealizedVolatility"/>) and the average true range
/// (<see cref="AverageTrueRange"/>). O(1) per bar, no LINQ.
/// </summary>
/// <remarks>
/// <para>Market state, never journaled: after a start the supervisor feeds it recent history through
/// <see cref="WarmUp"/>. History may arrive after the first live bars; those are kept (up to what the windows need)
/// and re-fed after the history, so the readings always follow time order. Once more live bars than the windows need
/// have arrived, history is ignored.</para>
/// <para>A repeated bar (same or older open time) is ignored. A malformed bar (a price not positive, high below low)
/// is skipped rather than fed: a bad value kept in a window would poison every reading until it rolled out, and
/// throwing would take the supervisor down with it.</para>
/// <para>Not thread-safe; owned by one actor.</para>
/// </remarks>
public sealed class MarketObserver
{
    private readonly ReturnTracker _returns;
    private readonly RealizedVolatility _volatility;
    private readonly AverageTrueRange _atr;
    private readonly int _needed;
    private readonly List<Kline> _early = [];
    private long _lastOpenMs = long.MinValue;
    private bool _warmedUp;

    /// <summary>Creates an observer with empty windows.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="returnWindow">Returns the standard deviation is measured over; at least 2.</param>
    /// <param name="volatilityWindow">Log returns of the realized volatility; at least 2.</param>
    /// <param name="atrPeriod">Bars of the average true range; at least 1.</param>
    /// <param name="barMs">Length of a bar, milliseconds (1-minute klines by default).</param>
    public MarketObserver(Symbol symbol, int returnWindow, int volatilityWindow, int atrPeriod, long barMs = 60_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(returnWindow, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(volatilityWindow, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(atrPeriod, 1);
        Symbol = symbol;
        BarMs = barMs;
        _returns = new ReturnTracker(symbol, returnWindow, barMs);
        _volatility = new RealizedVolatility(volatilityWindow, TimeSpan.FromMilliseconds(barMs));
        _atr = new AverageTrueRange(atrPeriod);
        _needed = Math.Max(Math.Max(returnWindow, volatilityWindow), atrPeriod) + 1;
    }

    /// <summary>The symbol.</summary>
    public Symbol Symbol { get; }

    /// <summary>Length of a bar, milliseconds.</summary>
    public long BarMs { get; }

    /// <summary>How many bars (history and live) the windows need to be full.</summary>
    public int BarsNeeded => _needed;

    /// <summary>True once history was fed, or enough live bars arrived that history would add nothing.</summary>
    public bool IsWarmedUp => _warmedUp;

    /// <summary>True when <paramref name="bar"/> can be fed: every price positive and the high not below the low.</summary>
    public static bool IsWellFormed(in Kline bar) =>
        bar.Open > 0m && bar.High > 0m && bar.Low > 0m && bar.Close > 0m && bar.High >= bar.Low;

    /// <summary>
    /// Takes a live closed bar and returns what to tell the risk gate, or null for a repeated or malformed bar.
    /// </summary>
    /// <param name="bar">The closed bar.</param>
    /// <param name="markPrice">The latest mark price, when a mark stream is known; the close stands in otherwise.</param>
    public SymbolMarketObserved? Observe(in Kline bar, decimal? markPrice)
    {
        if (bar.OpenTimeMs <= _lastOpenMs || !IsWellFormed(bar))
        {
            return null;
        }

        if (!_warmedUp)
        {
            _early.Add(bar);
            if (_early.Count >= _needed)
            {
                _warmedUp = true;
                _early.Clear();
            }
        }

        var observed = Feed(bar);
        return new SymbolMarketObserved(
            Symbol,
            bar.OpenTimeMs + BarMs,
            markPrice ?? bar.Close,
            observed?.Return,
            observed?.RecentStdDev,
            _volatility.IsReady ? SymbolRiskView.Reading(_volatility.Annualized) : null,
            _atr.IsReady ? SymbolRiskView.Reading(_atr.Value) : null,
            null);
    }

    /// <summary>
    /// Feeds recent history (oldest first) before the live bars seen so far; ignored once warmed up. Bars at or after
    /// the first live bar, repeated or malformed ones are skipped.
    /// </summary>
    public void WarmUp(IReadOnlyList<Kline> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (_warmedUp)
        {
            return;
        }

        _warmedUp = true;
        var live = _early.ToArray();
        _early.Clear();
        var firstLiveMs = live.Length > 0 ? live[0].OpenTimeMs : long.MaxValue;
        Reset();
        for (var i = 0; i < history.Count; i++)
        {
            var bar = history[i];
            if (bar.OpenTimeMs < firstLiveMs && bar.OpenTimeMs > _lastOpenMs && IsWellFormed(bar))
            {
                Feed(bar);
            }
        }

        foreach (var bar in live)
        {
            Feed(bar);
        }
    }

    private BarReturnObserved? Feed(in Kline bar)
    {
        _lastOpenMs = bar.OpenTimeMs;
        _volatility.Update(bar);
        _atr.Update(bar);
        return _returns.Observe(bar);
    }

    private void Reset()
    {
        _returns.Reset();
        _volatility.Reset();
        _atr.Reset();
        _lastOpenMs = long.MinValue;
    }
}
