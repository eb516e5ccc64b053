using Rari.Domain.Identifiers;

namespace Rari.Domain.Strategies.Volatility;

// Folding events into the state: the only way the decision state changes.
public sealed partial record VolatilityState
{
    /// <summary>The state after one event. Pure: the strategy also uses it to look ahead within one decision.</summary>
    /// <exception cref="ArgumentException">The event belongs to another strategy or symbol, or cannot happen in this state.</exception>
    public VolatilityState Apply(VolatilityEvent strategyEvent)
    {
        ArgumentNullException.ThrowIfNull(strategyEvent);
        if (strategyEvent.StrategyId != StrategyId || strategyEvent.Symbol != Symbol)
        {
            throw new ArgumentException(
                $"{strategyEvent.GetType().Name} is for {strategyEvent.StrategyId}/{strategyEvent.Symbol}, not {StrategyId}/{Symbol}.",
                nameof(strategyEvent));
        }

        var next = strategyEvent switch
        {
            EntrySignalled e => ApplyEntrySignalled(e),
            EntrySkipped e => this with { LastSkipReason = e.Reason },
            FillRecorded e => ApplyFill(e),
            OrderEnded e => Update(e.ClientOrderId, order => order with { Status = TrackedOrderStatus.Ended }),
            CancelRequested e => Update(e.ClientOrderId, AskCancel),
            PositionOpened => this,
            ExitOrdersPlaced e => this with
            {
                Exits = Exits.Add(TrackedOrder.Placed(e.StopLoss, OrderRole.StopLoss)).Add(TrackedOrder.Placed(e.TakeProfit, OrderRole.TakeProfit)),
                Sequence = Sequence + 2,
                StopPrice = e.StopLoss.StopPrice!.Value,
                TakeProfitPrice = e.TakeProfit.StopPrice!.Value,
                TrailingExtreme = TrailingExtreme == 0m ? AverageEntryPrice : TrailingExtreme,
                ExitsPlaced = true,
            },
            TrailingStopMoved e => ApplyTrailing(e),
            PositionCloseRequested e => this with
            {
                Exits = Exits.Add(TrackedOrder.Placed(e.Order, OrderRole.Close)),
                Sequence = Sequence + 1,
                CloseReason = e.Reason,
            },
            PositionClosed e => this with
            {
                Closed = true,
                Stats = Stats.Record(e.RealizedPnl),
                RealizedPnl = RealizedPnl + e.RealizedPnl,
            },
            PositionInherited e => ApplyInherited(e),
            PositionReleased or PositionVanished => ResetTrip(),
            _ => throw new ArgumentException($"{strategyEvent.GetType().Name} is not a volatility event this state knows.", nameof(strategyEvent)),
        };

        return next.Settle();
    }

    private VolatilityState ApplyEntrySignalled(EntrySignalled e)
    {
        if (Phase != VolatilityPhase.Flat)
        {
            throw new ArgumentException($"An entry can only be signalled when flat, not in {Phase}.", nameof(e));
        }

        return ResetTrip() with
        {
            Direction = e.Direction,
            Signal = e.Signal,
            Entry = TrackedOrder.Placed(e.Order, OrderRole.Entry),
            Sequence = Sequence + 1,
            StopDistance = e.StopDistance,
            SignalTimeMs = e.TimestampMs,
            LastSkipReason = null,
        };
    }

    private VolatilityState ApplyTrailing(TrailingStopMoved e)
    {
        var replaced = Update(e.Replaced, AskCancel);
        return replaced with
        {
            Exits = replaced.Exits.Add(TrackedOrder.Placed(e.StopLoss, OrderRole.StopLoss)),
            Sequence = Sequence + 1,
            StopPrice = e.StopLoss.StopPrice!.Value,
            TrailingExtreme = e.TrailingExtreme,
            StopTrailed = true,
        };
    }

    private VolatilityState ApplyInherited(PositionInherited e)
    {
        if (Phase != VolatilityPhase.Flat)
        {
            throw new ArgumentException($"A position can only be inherited when flat, not in {Phase}.", nameof(e));
        }

        return ResetTrip() with
        {
            Direction = e.Direction,
            Signal = SignalKind.Inherited,
            EntryQuantity = e.Quantity,
            EntryNotional = e.Quantity * e.EntryPrice,
            StopDistance = e.StopDistance,
            SignalTimeMs = e.TimestampMs,
            EntryTimeMs = e.TimestampMs,
        };
    }

    private VolatilityState ApplyFill(FillRecorded e)
    {
        var order = Find(e.ClientOrderId);
        if (order is null || order.HasTrade(e.TradeId))
        {
            return this;
        }

        var filled = order.WithFill(e.TradeId, e.Price, e.Quantity, e.Fee);
        if (order.Role == OrderRole.Entry)
        {
            return this with
            {
                Entry = filled,
                EntryQuantity = EntryQuantity + e.Quantity,
                EntryNotional = EntryNotional + (e.Price * e.Quantity),
                EntryFees = EntryFees + e.Fee,
                EntryTimeMs = EntryTimeMs == 0 ? e.TimestampMs : EntryTimeMs,
            };
        }

        return Replace(filled) with
        {
            ExitQuantity = ExitQuantity + e.Quantity,
            ExitNotional = ExitNotional + (e.Price * e.Quantity),
            ExitFees = ExitFees + e.Fee,
        };
    }

    private static TrackedOrder AskCancel(TrackedOrder order) =>
        order.Status == TrackedOrderStatus.Working ? order with { Status = TrackedOrderStatus.CancelRequested } : order;

    private VolatilityState Update(ClientOrderId id, Func<TrackedOrder, TrackedOrder> change) =>
        Find(id) is { } order ? Replace(change(order)) : this;

    private VolatilityState Replace(TrackedOrder order)
    {
        if (Entry is { } entry && entry.Id == order.Id)
        {
            return this with { Entry = order };
        }

        for (var i = 0; i < Exits.Length; i++)
        {
            if (Exits[i].Id == order.Id)
            {
                return this with { Exits = Exits.SetItem(i, order) };
            }
        }

        return this;
    }

    // Derives the phase and forgets a finished round trip; the sequence, the statistics and the skip memory stay.
    private VolatilityState Settle()
    {
        if (Direction == PositionDirection.None)
        {
            return Phase == VolatilityPhase.Flat ? this : this with { Phase = VolatilityPhase.Flat };
        }

        var entryLive = Entry is { IsLive: true };
        var finished = !entryLive && PositionQuantity <= 0m && LiveOrderCount() == 0 && (EntryQuantity == 0m || Closed);
        if (finished)
        {
            return ResetTrip();
        }

        var phase = entryLive ? VolatilityPhase.Entering
            : PositionQuantity > 0m && CloseReason is null && !Closed ? VolatilityPhase.InPosition
            : VolatilityPhase.Exiting;
        return phase == Phase ? this : this with { Phase = phase };
    }

    private VolatilityState ResetTrip() => new(StrategyId, Symbol)
    {
        Sequence = Sequence,
        Stats = Stats,
        RealizedPnl = RealizedPnl,
        LastSkipReason = LastSkipReason,
    };
}
