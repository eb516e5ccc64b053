using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Venue.Matching;
using Rari.Venue.Orders;

namespace Rari.Venue;

// Matching: takers walk the book, conditional orders trigger, and resting limit orders fill as the price path reaches them.
public sealed partial class SimulatedVenue
{
    // Which orders a price move can reach: the last-price path reaches limit orders and last-price triggers (and
    // mark-price triggers while the mark follows the last price); the mark feed reaches mark-price triggers only.
    private enum PathKind : byte
    {
        LastPrice = 1,
        MarkPrice = 2,
    }

    /// <summary>
    /// Executes a taker against the book up to <paramref name="worstPrice"/>: one TRADE per level taken, at the level's
    /// price. A closing order never takes more than it can close. Returns false when nothing was executed (nothing to
    /// take, or <paramref name="allOrNothing"/> and the book cannot fill it all).
    /// </summary>
    private bool ExecuteTaker(VenueOrder order, decimal worstPrice, bool allOrNothing)
    {
        var state = order.Owner;
        var market = state.Market;
        var wanted = order.LeavesQuantity;
        if (order.IsClosing)
        {
            wanted = Math.Min(wanted, Closable(state, order.Side, order.PositionSide));
        }

        if (wanted <= 0m)
        {
            return false;
        }

        var planned = BookWalker.Plan(market, order.Side, wanted, worstPrice, _options, _takes);
        if (planned == 0m || (allOrNothing && planned < order.LeavesQuantity))
        {
            return false;
        }

        var bookSide = order.Side == OrderSide.Buy ? BookSide.Ask : BookSide.Bid;
        for (var i = 0; i < _takes.Count && order.IsOpen; i++)
        {
            var take = _takes[i];
            var quantity = order.IsClosing ? Math.Min(take.Quantity, Closable(state, order.Side, order.PositionSide)) : take.Quantity;
            if (quantity <= 0m)
            {
                break;
            }

            if (take.IsRecorded)
            {
                // The recorded level is consumed until the next book update sets it again; other accounts see less.
                market.Book!.SetLevel(bookSide, take.Price, take.RecordedLevelQuantity - quantity);
            }

            ApplyFill(order, take.Price, quantity, LiquiditySide.Taker);
        }

        return true;
    }

    // A conditional order's trigger condition was met: it becomes a MARKET order and takes from the book at once.
    private void TriggerConditional(VenueOrder order)
    {
        var state = order.Owner;
        var market = state.Market;
        market.Unrest(order);
        state.WaitingConditionalCount--;
        var closable = Closable(state, order.Side, order.PositionSide);
        order.Trigger(closable, _now);
        if (order.IsClosing ? closable == 0m : !HasMarginToTrigger(order))
        {
            ExpireIfOpen(order);
            return;
        }

        ExecuteTaker(order, TakeBound(market, order.Side), allOrNothing: false);
        ExpireIfOpen(order);
    }

    private bool HasMarginToTrigger(VenueOrder order)
    {
        var state = order.Owner;
        if (BookWalker.Touch(state.Market, order.Side, _options) is not { } touch)
        {
            return false;
        }

        SyncMarks(state.Account);
        var required = TakerMargin(state, order.Side, order.PositionSide, closing: false, order.LeavesQuantity, touch);
        return required <= state.Account.Portfolio.AvailableBalance;
    }

    // A resting limit order the path reached: fills at its limit price as a maker, within the account's share of the
    // event's volume at that price.
    private void MakerFill(VenueOrder order)
    {
        var state = order.Owner;
        var market = state.Market;
        var quantity = order.LeavesQuantity;
        if (order.IsClosing)
        {
            var closable = Closable(state, order.Side, order.PositionSide);
            if (closable == 0m)
            {
                ExpireIfOpen(order);
                return;
            }

            quantity = Math.Min(quantity, closable);
        }

        if (_options.MakerVolumeShare is { } share)
        {
            var step = market.Instrument.LotSize.StepSize;
            var left = state.VolumeLeft(_eventSequence, order.Price, share * market.EventVolume);
            left = left > 0m ? decimal.Floor(left / step) * step : 0m;
            if (left <= 0m)
            {
                order.ExhaustedInEvent = _eventSequence;
                return;
            }

            if (left < quantity)
            {
                quantity = left;
                order.ExhaustedInEvent = _eventSequence;
            }

            state.UseVolume(_eventSequence, order.Price, quantity);
        }

        ApplyFill(order, order.Price, quantity, LiquiditySide.Maker);
    }

    /// <summary>
    /// The last price moves from <paramref name="from"/> to <paramref name="to"/> in a straight line (equal values: a
    /// single price point, as for a trade or a kline's open). The common case, a move that reaches no order, costs a
    /// few comparisons against the cached thresholds.
    /// </summary>
    private void Move(SymbolMarket market, decimal from, decimal to)
    {
        if ((to <= from && market.FallingReach >= to) || (to >= from && market.RisingReach <= to))
        {
            ProcessPath(market, from, to, PathKind.LastPrice);
        }

        market.SetLast(to);
        if (market.MarkFollowsLast && !_bandsHoldThisEvent)
        {
            CheckRiskBands(market, to);
        }
    }

    /// <summary>
    /// Handles every order the move reaches, in the order the price reaches them: the nearest first; at one point,
    /// last-price triggers, then mark-price triggers, then limit orders (bids before asks), each kind by priority.
    /// Margin is checked at every point an order is reached, before the order acts.
    /// </summary>
    private void ProcessPath(SymbolMarket market, decimal from, decimal to, PathKind kind)
    {
        var down = to <= from;
        var up = to >= from;
        var lastPath = kind == PathKind.LastPrice;
        var markPath = !lastPath || market.MarkFollowsLast;
        var current = from;
        while (true)
        {
            VenueOrder? next = null;
            var nextPoint = current;
            var nextProgress = decimal.MaxValue;
            var nextRank = int.MaxValue;

            void Consider(VenueOrder? candidate, decimal point, int rank)
            {
                if (candidate is null)
                {
                    return;
                }

                var progress = Math.Abs(point - current);
                if (progress < nextProgress || (progress == nextProgress && rank < nextRank))
                {
                    next = candidate;
                    nextPoint = point;
                    nextProgress = progress;
                    nextRank = rank;
                }
            }

            if (down)
            {
                if (lastPath && market.LastBelowTrigger >= to)
                {
                    Consider(market.LastBelow.At(0), Math.Min(market.LastBelowTrigger, current), 0);
                }

                if (markPath && market.MarkBelowTrigger >= to)
                {
                    Consider(market.MarkBelow.At(0), Math.Min(market.MarkBelowTrigger, current), 1);
                }

                if (lastPath && FirstReachable(market, market.Bids, to, rising: false) is { } bid)
                {
                    Consider(bid, Math.Min(market.FillThreshold(bid), current), 2);
                }
            }

            if (up)
            {
                if (lastPath && market.LastAboveTrigger <= to)
                {
                    Consider(market.LastAbove.At(0), Math.Max(market.LastAboveTrigger, current), 0);
                }

                if (markPath && market.MarkAboveTrigger <= to)
                {
                    Consider(market.MarkAbove.At(0), Math.Max(market.MarkAboveTrigger, current), 1);
                }

                if (lastPath && FirstReachable(market, market.Asks, to, rising: true) is { } ask)
                {
                    Consider(ask, Math.Max(market.FillThreshold(ask), current), 3);
                }
            }

            if (next is not { } order)
            {
                return;
            }

            // Something happens: positions and bands may change, so every later point of the event is checked.
            _bandsHoldThisEvent = false;

            current = nextPoint;
            if (lastPath)
            {
                market.SetLast(current);
            }
            else
            {
                market.SetMarkFromFeed(current);
            }

            if (markPath)
            {
                CheckRiskBands(market, current);
            }

            // A liquidation at this point may have cancelled the order.
            if (!order.IsResting)
            {
                continue;
            }

            if (order.Type == OrderType.Limit)
            {
                MakerFill(order);
            }
            else
            {
                TriggerConditional(order);
            }
        }
    }

    // The best resting limit order the move reaches that has not used up its volume share in this event.
    private VenueOrder? FirstReachable(SymbolMarket market, SortedOrderList orders, decimal to, bool rising)
    {
        for (var depth = 0; depth < orders.Count; depth++)
        {
            var order = orders.At(depth);
            var threshold = market.FillThreshold(order);
            if (rising ? threshold > to : threshold < to)
            {
                return null;
            }

            if (order.ExhaustedInEvent != _eventSequence)
            {
                return order;
            }
        }

        return null;
    }

    // True when every account exposed to the symbol has its band strictly around [low, high]: then no point of the
    // event's path can need a margin check, unless something changes on the way (which clears the flag).
    private static bool BandsHold(SymbolMarket market, decimal low, decimal high)
    {
        var exposed = market.Exposed;
        for (var i = 0; i < exposed.Count; i++)
        {
            var state = exposed[i];
            if (low <= state.RiskLow || high >= state.RiskHigh)
            {
                return false;
            }
        }

        return true;
    }

    // Checks the margin of every account whose positions in the symbol may have reached a margin call or liquidation.
    private void CheckRiskBands(SymbolMarket market, decimal mark)
    {
        var exposed = market.Exposed;
        var i = 0;
        while (i < exposed.Count)
        {
            var state = exposed[i];
            if (mark <= state.RiskLow || mark >= state.RiskHigh)
            {
                CheckRisk(state.Account, market);
            }

            // A liquidation removes the account from the list; then the next one has moved into slot i.
            if (i < exposed.Count && ReferenceEquals(exposed[i], state))
            {
                i++;
            }
        }
    }
}
