using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Grid;

// Placing, skipping and cancelling orders, and following up on the grid's order events.
public sealed partial class GridStrategy
{
    /// <summary>
    /// Gives every rung that needs an order one: first the exits of rungs holding inventory (they protect what is
    /// already bought), then, while the grid runs and the symbol is active, the entries of idle rungs whose entry lies
    /// on the passive side of <paramref name="reference"/> — nearest the price first, so that when the order cap binds
    /// it is the far levels that wait.
    /// </summary>
    private void RearmCells(decimal reference)
    {
        var now = _decision.Now;
        var count = _decision.State.Cells.Count;

        // Only rungs that had no order and held inventory when the walk began can need an exit: placing or skipping one
        // rung's order changes that rung alone. Each is checked again on the current state, in rung order. A rung whose
        // exit the grid's own orders refuse outright is left out: placing adds orders, so it stays refused meanwhile.
        var holding = ExitCandidatesOf(_decision.State);
        for (var k = 0; k < holding.Length; k++)
        {
            var cell = _decision.State.Cells[holding[k]];
            if (cell.Order is null && cell.HoldingQuantity != 0m && now >= cell.RetryAtMs)
            {
                PlaceCellOrder(cell, GridOrderRole.Exit, reference);
            }
        }

        if (_decision.State.Phase != GridPhase.Running || _decision.Context.TradingState != TradingState.Active
            || !HasEntryToArm(_decision.State, now, reference))
        {
            return;
        }

        // Rungs are sorted by price: walk outward from the reference, taking the nearer entry each time.
        var up = 0;
        while (up < count && _decision.State.Cells[up].LowerPrice < reference)
        {
            up++;
        }

        var down = up - 1;
        while (down >= 0 || up < count)
        {
            var takeUp = down < 0
                || (up < count && _decision.State.Cells[up].EntryPrice - reference < reference - _decision.State.Cells[down].EntryPrice);
            var cell = _decision.State.Cells[takeUp ? up++ : down--];
            if (!cell.Retired && cell.IsIdle && now >= cell.RetryAtMs && IsPassive(cell.EntrySide, cell.EntryPrice, reference))
            {
                PlaceCellOrder(cell, GridOrderRole.Entry, reference);
            }
        }
    }

    /// <summary>After a stop: sends a reduce-only MARKET order for the inventory still to close, when none is working.</summary>
    private void RearmClosing()
    {
        var state = _decision.State;
        if (state.ClosingQuantity == 0m || _decision.Now < state.ClosingRetryAtMs || HasWorkingClose(state))
        {
            return;
        }

        ref readonly var context = ref _decision.Context;
        var side = state.ClosingQuantity > 0m ? OrderSide.Sell : OrderSide.Buy;
        var remaining = Math.Abs(state.ClosingQuantity);
        var maxQuantity = context.Instrument.MarketLotSize.MaxQty;

        // MARKET_LOT_SIZE caps one order; a larger inventory closes in several.
        while (remaining > 0m)
        {
            var quantity = Math.Min(remaining, maxQuantity);
            var check = OrderCheck.Market(side, quantity, reduceOnly: true) with { MarkPrice = context.MarkPrice ?? PositiveOrNull(_market.LastClose) };
            var normalized = InstrumentRules.Normalize(context.Instrument, check);
            if (!normalized.IsValid)
            {
                var retryAt = _decision.Now + Settings.BackoffMs(_decision.State.ClosingFailures + 1);
                _decision.Emit(new GridOrderSkipped(
                    Id, Symbol, _decision.Now, 0, GridOrderRole.Close, side, null, quantity, normalized.Violation.ToString(), retryAt));
                return;
            }

            var sent = normalized.Order.Quantity!.Value;
            Place(0, GridOrderRole.Close, side, OrderType.Market, null, sent, null, reduceOnly: true, "grid stopped: close the inventory");
            remaining -= sent;
        }
    }

    private void PlaceCellOrder(GridCell cell, GridOrderRole role, decimal reference)
    {
        var state = _decision.State;
        ref readonly var context = ref _decision.Context;
        var isEntry = role == GridOrderRole.Entry;
        var side = isEntry ? cell.EntrySide : cell.ExitSide;
        var price = isEntry ? cell.EntryPrice : cell.ExitPrice;
        var quantity = isEntry ? cell.Quantity : Math.Abs(cell.HoldingQuantity);
        if (IsRefusedOutright(state, side, price))
        {
            return;
        }

        if (isEntry && context.Book is { } book && !FitsLiquidity(cell, book, side, price, ref quantity))
        {
            return;
        }

        var reduceOnly = !isEntry && Settings.ReduceOnlyExits && ReducesNetPosition(side, context.PositionQuantity);
        var check = OrderCheck.Limit(side, price, quantity, reduceOnly) with
        {
            MarkPrice = context.MarkPrice,
            OpenOrderCount = OwnOrdersOf(state).Count,
        };
        var normalized = InstrumentRules.Normalize(context.Instrument, check);
        if (!normalized.IsValid)
        {
            Skip(cell, role, side, price, quantity, normalized.Violation.ToString());
            return;
        }

        // An exit already priced through the market is meant to trade now; post-only would only make it expire.
        var timeInForce = Settings.PostOnly && IsPassive(side, price, reference) ? TimeInForce.Gtx : TimeInForce.Gtc;
        var reason = Text($"grid {(isEntry ? "entry" : "take-profit")} {(side == OrderSide.Buy ? "buy" : "sell")} at level {(side == OrderSide.Buy ? cell.Index : cell.Index + 1)}");
        Place(cell.Id, role, side, OrderType.Limit, normalized.Order.Price, normalized.Order.Quantity!.Value, timeInForce, reduceOnly, reason);
    }

    /// <summary>
    /// True when an exit of <paramref name="exitSide"/> reduces the account's net position: a sell while net long, a buy
    /// while net short. A neutral grid's long and short rungs net into one position in one-way mode, so a rung's
    /// take-profit can face a flat net position (a long and a short rung both filled) or one of the other sign; sent
    /// reduce-only it would be refused (−2022: nothing to reduce), so it goes out as a plain limit order, which is what
    /// it is: the other half of the rung's round trip.
    /// </summary>
    private static bool ReducesNetPosition(OrderSide exitSide, decimal netPosition) =>
        exitSide == OrderSide.Sell ? netPosition > 0m : netPosition < 0m;

    private void Place(long cellId, GridOrderRole role, OrderSide side, OrderType type, decimal? price, decimal quantity, TimeInForce? timeInForce, bool reduceOnly, string reason)
    {
        var sequence = _decision.State.NextSequence;
        var clientOrderId = _ids.Create(Id, Symbol, sequence);
        var intent = OrderIntent.Create(clientOrderId, Id, Symbol, side, type, quantity, price, timeInForce: timeInForce, reduceOnly: reduceOnly);
        _decision.Emit(new GridOrderPlaced(Id, Symbol, _decision.Now, cellId, role, clientOrderId, sequence, side, type, price, quantity, reason));
        _decision.Send(new PlaceOrder(intent, reason));
    }

    private void Skip(GridCell cell, GridOrderRole role, OrderSide side, decimal price, decimal quantity, string reason)
    {
        var retryAt = _decision.Now + Settings.BackoffMs(cell.Failures + 1);
        _decision.Emit(new GridOrderSkipped(Id, Symbol, _decision.Now, cell.Id, role, side, price, quantity, reason, retryAt));
    }

    /// <summary>
    /// Caps an entry at <c>LiquidityShare</c> of the same-side depth from the touch to <c>LiquidityBand</c> beyond the
    /// order's price: the liquidity the order would sit among. An entry that the cap pushes below the venue minimums is
    /// skipped with the numbers.
    /// </summary>
    private bool FitsLiquidity(GridCell cell, OrderBook book, OrderSide side, decimal price, ref decimal quantity)
    {
        var bookSide = side == OrderSide.Buy ? BookSide.Bid : BookSide.Ask;
        var touch = (side == OrderSide.Buy ? book.BestBid : book.BestAsk)?.Price;
        var distance = touch is { } best ? Math.Max(0m, side == OrderSide.Buy ? best - price : price - best) : 0m;
        var depth = touch is null ? 0m : book.DepthWithin(bookSide, distance + (Settings.LiquidityBand * price));
        var cap = Settings.LiquidityShare * depth;
        if (quantity <= cap)
        {
            return true;
        }

        var instrument = _decision.Context.Instrument;
        var sized = cap >= instrument.LotSize.MinQty ? instrument.RoundQuantityDown(cap) : 0m;
        if (sized >= instrument.LotSize.MinQty && sized * price >= instrument.MinNotional.Notional)
        {
            quantity = sized;
            return true;
        }

        Skip(cell, GridOrderRole.Entry, side, price, quantity, Text(
            $"thin book: {Percent(Settings.LiquidityShare)} of the {depth} visible within {Percent(Settings.LiquidityBand)} of {price} allows {sized}, below the venue minimum (min qty {instrument.LotSize.MinQty}, min notional {instrument.MinNotional.Notional})"));
        return false;
    }

    /// <summary>Emits a cancel for every order that the decision's events moved from working to cancel-requested since <paramref name="before"/>.</summary>
    private void SendCancels(GridState before, string reason)
    {
        var after = _decision.State;
        foreach (var cell in after.Cells)
        {
            if (cell.Order is { } order)
            {
                CancelIfNewlyRequested(before, order, reason);
            }
        }

        foreach (var order in after.DetachedOrders)
        {
            CancelIfNewlyRequested(before, order, reason);
        }
    }

    private void CancelIfNewlyRequested(GridState before, GridOrder order, string reason)
    {
        if (order.Status != GridOrderStatus.CancelRequested || !before.TryFindOrder(order.ClientOrderId, out var cellIndex, out var detachedIndex))
        {
            return;
        }

        var previous = cellIndex >= 0 ? before.Cells[cellIndex].Order! : before.DetachedOrders[detachedIndex];
        if (previous.Status == GridOrderStatus.Working)
        {
            _decision.Send(new CancelOrder(Symbol, order.ClientOrderId, reason));
        }
    }

    private void OnFilled(Fill fill)
    {
        var state = _decision.State;
        state.TryFindOrder(fill.ClientOrderId, out var cellIndex, out var detachedIndex);
        var order = cellIndex >= 0 ? state.Cells[cellIndex].Order! : state.DetachedOrders[detachedIndex];
        if (order.HasTrade(fill.TradeId))
        {
            return;
        }

        var cellId = cellIndex >= 0 ? state.Cells[cellIndex].Id : 0;
        _decision.Emit(new GridOrderFilled(Id, Symbol, _decision.Now, fill.ClientOrderId, fill.TradeId, fill.Side, fill.Price, fill.Quantity, fill.Fee));
        FollowUp(cellId, fill.Price);
    }

    private void OnEnded(ClientOrderId clientOrderId, OrderEventKind how, string reason)
    {
        var state = _decision.State;
        state.TryFindOrder(clientOrderId, out var cellIndex, out var detachedIndex);
        var order = cellIndex >= 0 ? state.Cells[cellIndex].Order! : state.DetachedOrders[detachedIndex];

        // An order the grid asked to cancel may still end another way (it expired first); either way it was wanted gone.
        var requested = order.Status == GridOrderStatus.CancelRequested;
        var failures = cellIndex >= 0 ? state.Cells[cellIndex].Failures : state.ClosingFailures;
        var retryAt = requested ? 0L : _decision.Now + Settings.BackoffMs(failures + 1);
        var cellId = cellIndex >= 0 ? state.Cells[cellIndex].Id : 0;
        _decision.Emit(new GridOrderEnded(Id, Symbol, _decision.Now, clientOrderId, how, requested, reason, retryAt));
        FollowUp(cellId, _decision.Context.MarkPrice ?? _market.LastClose);
    }

    /// <summary>
    /// After a fill or an end: the rung's next order at once (its exit, or its re-armed entry), unless the symbol is
    /// halted; after a closing order's end, the next closing order.
    /// </summary>
    private void FollowUp(long cellId, decimal reference)
    {
        if (_decision.Context.TradingState == TradingState.Halted)
        {
            return;
        }

        if (cellId == 0)
        {
            RearmClosing();
            return;
        }

        var state = _decision.State;
        var index = state.IndexOfCell(cellId);
        if (index < 0)
        {
            return;
        }

        var cell = state.Cells[index];
        if (cell.Order is not null || _decision.Now < cell.RetryAtMs)
        {
            return;
        }

        if (cell.HoldingQuantity != 0m)
        {
            PlaceCellOrder(cell, GridOrderRole.Exit, reference);
        }
        else if (!cell.Retired
            && state.Phase == GridPhase.Running
            && _decision.Context.TradingState == TradingState.Active
            && reference > 0m
            && IsPassive(cell.EntrySide, cell.EntryPrice, reference))
        {
            PlaceCellOrder(cell, GridOrderRole.Entry, reference);
        }
    }

    /// <summary>A buy below the reference price or a sell above it rests in the book instead of taking.</summary>
    private static bool IsPassive(OrderSide side, decimal price, decimal reference) =>
        side == OrderSide.Buy ? price < reference : price > reference;

    private static bool HasWorkingClose(GridState state)
    {
        for (var i = 0; i < state.DetachedOrders.Count; i++)
        {
            if (state.DetachedOrders[i].Role == GridOrderRole.Close)
            {
                return true;
            }
        }

        return false;
    }

    private int OrderLimit(Instrument instrument) => Math.Min(instrument.MaxNumOrders, Settings.MaxOpenOrders ?? int.MaxValue);

    private static decimal? PositiveOrNull(decimal value) => value > 0m ? value : null;
}
