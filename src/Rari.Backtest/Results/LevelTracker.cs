using Rari.Backtest.Reports;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Backtest.Results;

/// <summary>
/// Follows a strategy's journaled events to know which price levels it works at, for the report's price chart: the grid's
/// levels from <see cref="GridStarted"/>, <see cref="GridRecentred"/> and <see cref="GridTrailed"/> until
/// <see cref="GridStopped"/>; the volatility strategy's stop-loss and take-profit from <see cref="ExitOrdersPlaced"/>
/// and <see cref="TrailingStopMoved"/> until the position closes; inside a hybrid, those of the active child.
/// </summary>
public sealed class LevelTracker
{
    private readonly List<LevelSpan> _spans = [];
    private readonly Dictionary<decimal, long> _active = [];
    private readonly List<decimal> _scratch = [];

    /// <summary>Every finished span, in the order they ended.</summary>
    public IReadOnlyList<LevelSpan> Spans => _spans;

    /// <summary>Reads one event the strategy decided at <paramref name="nowMs"/>.</summary>
    public void Observe(IStrategyEvent strategyEvent, long nowMs)
    {
        switch (strategyEvent)
        {
            case ChildDecided child:
                Observe(child.Inner, nowMs);
                break;
            case GridStarted started:
                Set(started.Plan.Levels, nowMs);
                break;
            case GridRecentred recentred:
                Set(recentred.Plan.Levels, nowMs);
                break;
            case GridTrailed trailed:
                Set(trailed.Levels, nowMs);
                break;
            case GridStopped:
            case PositionClosed:
            case PositionReleased:
            case PositionVanished:
            case RegimeSwitched { Outgoing: var outgoing, Incoming: var incoming } when outgoing != incoming:
                Set([], nowMs);
                break;
            case ExitOrdersPlaced exits when exits.StopLoss.StopPrice is { } stop && exits.TakeProfit.StopPrice is { } target:
                Set([stop, target], nowMs);
                break;
            case TrailingStopMoved moved when moved.StopLoss.StopPrice is { } stop:
                Replace(stop, nowMs);
                break;
        }
    }

    /// <summary>Ends every active level at <paramref name="endMs"/> and returns all spans, ordered by start time, then price.</summary>
    public IReadOnlyList<LevelSpan> Finish(long endMs)
    {
        Set([], endMs);
        var spans = _spans.ToList();
        spans.Sort((a, b) => a.FromMs != b.FromMs ? a.FromMs.CompareTo(b.FromMs) : a.Price.CompareTo(b.Price));
        return spans;
    }

    private void Set(IReadOnlyList<decimal> levels, long nowMs)
    {
        _scratch.Clear();
        foreach (var (price, _) in _active)
        {
            if (!Contains(levels, price))
            {
                _scratch.Add(price);
            }
        }

        _scratch.Sort();
        foreach (var price in _scratch)
        {
            End(price, nowMs);
        }

        foreach (var price in levels)
        {
            _active.TryAdd(price, nowMs);
        }
    }

    // A trailing stop replaces the lower-risk level of the pair: the one nearest the new stop.
    private void Replace(decimal stop, long nowMs)
    {
        decimal? nearest = null;
        foreach (var (price, _) in _active)
        {
            if (nearest is null || Math.Abs(price - stop) < Math.Abs(nearest.Value - stop))
            {
                nearest = price;
            }
        }

        if (nearest is { } old && old != stop)
        {
            End(old, nowMs);
        }

        _active.TryAdd(stop, nowMs);
    }

    private void End(decimal price, long nowMs)
    {
        if (_active.Remove(price, out var from) && nowMs > from)
        {
            _spans.Add(new LevelSpan(price, from, nowMs));
        }
    }

    private static bool Contains(IReadOnlyList<decimal> levels, decimal price)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] == price)
            {
                return true;
            }
        }

        return false;
    }
}
