using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.Venue.Accounts;
using Rari.Venue.Commands;
using Rari.Venue.Events;
using Rari.Venue.Matching;
using Rari.Venue.Orders;

namespace Rari.Venue;

// Order commands: place (single and batch), cancel (one, all, countdown).
public sealed partial class SimulatedVenue
{
    /// <summary>The most orders one batch may place (Aster's batchOrders limit).</summary>
    public const int MaxBatchOrders = 5;

    /// <summary>
    /// Places an order (<c>POST /fapi/v1/order</c>): checks it as Aster does, accepts it (an <see cref="OrderUpdated"/>
    /// with <see cref="ExecutionType.New"/>), matches what can match at once, and returns the order as it stands after
    /// that: FILLED or EXPIRED for a MARKET or IOC/FOK/GTX order that could not rest, NEW or PARTIALLY_FILLED for one
    /// that rests.
    /// </summary>
    /// <remarks>
    /// Checks, in order: the account and symbol; the parameters (−1102, −1106, −4061, −4137, −1128, −4015); a client
    /// order id already used by an open order (−4116); the symbol filters with the Domain's exact codes
    /// (<see cref="InstrumentRules.Validate"/>, order counts −2025 / −4045 included); a conditional order that would
    /// trigger at once (−2021); a reduce-only or hedge-closing order with nothing to close (−2022); a MARKET order with
    /// no price to trade at (−1112) or whose best counter price is beyond <c>marketTakeBound</c> from the mark (−4131);
    /// the position's maximum notional at the current leverage (−2027); and the margin (−2019): the available balance
    /// must cover the order's initial margin, plus the taker fee for an order that takes at once. Conditional orders
    /// reserve no margin; theirs is checked when they trigger, and one that cannot pay expires then.
    /// </remarks>
    public VenueResult<OrderSnapshot> PlaceOrder(AccountId account, NewOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _accountsById.TryGetValue(account, out var venueAccount)
            ? Place(venueAccount, request)
            : VenueResult.Failure<OrderSnapshot>(VenueErrors.BadAccount);
    }

    /// <summary>
    /// Places up to <see cref="MaxBatchOrders"/> orders (<c>POST /fapi/v1/batchOrders</c>), one after the other; the
    /// results follow the input order, each a snapshot or that order's error.
    /// </summary>
    /// <returns>The per-order results, or −4082 for an empty or too large batch (then nothing is placed).</returns>
    public VenueResult<IReadOnlyList<VenueResult<OrderSnapshot>>> PlaceOrders(AccountId account, IReadOnlyList<NewOrderRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count is 0 or > MaxBatchOrders)
        {
            return VenueResult.Failure<IReadOnlyList<VenueResult<OrderSnapshot>>>(VenueErrors.InvalidBatchSize);
        }

        var results = new VenueResult<OrderSnapshot>[requests.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = PlaceOrder(account, requests[i]);
        }

        return VenueResult.Success<IReadOnlyList<VenueResult<OrderSnapshot>>>(results);
    }

    /// <summary>Cancels one open order (<c>DELETE /fapi/v1/order</c>); −2011 when it is unknown or no longer open.</summary>
    public VenueResult<OrderSnapshot> CancelOrder(AccountId account, Symbol symbol, OrderReference order)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<OrderSnapshot>(VenueErrors.BadAccount);
        }

        if (FindMarket(symbol) is not { } market)
        {
            return VenueResult.Failure<OrderSnapshot>(VenueErrors.BadSymbol);
        }

        if (FindOrder(venueAccount, market, order) is not { IsOpen: true } open)
        {
            return VenueResult.Failure<OrderSnapshot>(VenueErrors.UnknownOrder);
        }

        EndOrder(open, OrderStatus.Canceled, ExecutionType.Canceled);
        return VenueResult.Success(open.ToSnapshot());
    }

    /// <summary>Cancels every open order of the account on the symbol (<c>DELETE /fapi/v1/allOpenOrders</c>).</summary>
    /// <returns>How many orders were cancelled.</returns>
    public VenueResult<int> CancelAllOrders(AccountId account, Symbol symbol)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<int>(VenueErrors.BadAccount);
        }

        return FindMarket(symbol) is { } market
            ? VenueResult.Success(CancelOpenOrders(venueAccount.For(market)))
            : VenueResult.Failure<int>(VenueErrors.BadSymbol);
    }

    /// <summary>
    /// Starts, replaces or (with 0) stops the symbol's countdown (<c>POST /fapi/v1/countdownCancelAll</c>): unless
    /// called again in time, every open order of the account on the symbol is cancelled
    /// <paramref name="countdownMs"/> after now, when the venue's time reaches that moment.
    /// </summary>
    public VenueResult<CountdownCancelAll> SetCountdownCancelAll(AccountId account, Symbol symbol, long countdownMs)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<CountdownCancelAll>(VenueErrors.BadAccount);
        }

        if (FindMarket(symbol) is not { } market)
        {
            return VenueResult.Failure<CountdownCancelAll>(VenueErrors.BadSymbol);
        }

        if (countdownMs < 0)
        {
            return VenueResult.Failure<CountdownCancelAll>(VenueErrors.InvalidParameter("countdownTime"));
        }

        venueAccount.For(market).CountdownDeadlineMs = countdownMs == 0 ? 0 : _now + countdownMs;
        RefreshNextDeadline();
        return VenueResult.Success(new CountdownCancelAll(symbol, countdownMs));
    }

    private VenueResult<OrderSnapshot> Place(VenueAccount account, NewOrderRequest request)
    {
        if (FindMarket(request.Symbol) is not { } market)
        {
            return VenueResult.Failure<OrderSnapshot>(VenueErrors.BadSymbol);
        }

        if (OrderRequestRules.Check(request, account.Portfolio.PositionMode) is { } shapeError)
        {
            return VenueResult.Failure<OrderSnapshot>(shapeError);
        }

        var state = account.For(market);
        if (request.ClientOrderId is { } text && state.OpenByClientId.ContainsKey(text))
        {
            return VenueResult.Failure<OrderSnapshot>(VenueErrors.DuplicateClientOrderId);
        }

        SyncMarks(account);
        if (FindRejection(state, request) is { } rejection)
        {
            return VenueResult.Failure<OrderSnapshot>(rejection);
        }

        var order = Accept(state, request);
        switch (order.Type)
        {
            case OrderType.Limit:
                MatchNewLimit(order);
                break;
            case OrderType.Market:
                ExecuteTaker(order, TakeBound(market, order.Side), allOrNothing: false);
                ExpireIfOpen(order);
                break;
            default:
                market.Rest(order);
                state.WaitingConditionalCount++;
                break;
        }

        return VenueResult.Success(order.ToSnapshot());
    }

    // The checks after the parameters' shape; null when the order may be accepted.
    private VenueError? FindRejection(AccountSymbol state, NewOrderRequest request)
    {
        var market = state.Market;
        var check = new OrderCheck(request.Side, request.Type, request.Price, request.StopPrice, request.Quantity, request.ReduceOnly, request.ClosePosition)
        {
            MarkPrice = market.HasMark ? market.Mark : null,
            OpenOrderCount = state.OpenOrders.Count,
            OpenAlgoOrderCount = state.WaitingConditionalCount,
        };
        if (InstrumentRules.Validate(market.Instrument, check) is { } violation)
        {
            return VenueErrors.FromFilter(violation);
        }

        var positionSide = request.PositionSide ?? PositionSide.Both;
        if (request.StopPrice is { } stop && WouldTrigger(market, request.Type, request.Side, request.WorkingType, stop))
        {
            return VenueErrors.WouldImmediatelyTrigger;
        }

        var closing = request.ReduceOnly || VenueOrder.IsHedgeClosing(request.Side, positionSide);
        if (closing && Closable(state, request.Side, positionSide) == 0m)
        {
            return VenueErrors.ReduceOnlyRejected;
        }

        decimal? touch = null;
        if (request.Type == OrderType.Market)
        {
            touch = BookWalker.Touch(market, request.Side, _options);
            if (touch is not { } best)
            {
                return VenueErrors.NoDepth;
            }

            if (request.Side == OrderSide.Buy ? best > TakeBound(market, OrderSide.Buy) : best < TakeBound(market, OrderSide.Sell))
            {
                return VenueErrors.MarketOrderRejected;
            }
        }
        else if (request is { Type: OrderType.Limit, TimeInForce: not TimeInForce.Gtx } && BookWalker.Touch(market, request.Side, _options) is { } limitTouch &&
                 (request.Side == OrderSide.Buy ? request.Price >= limitTouch : request.Price <= limitTouch))
        {
            // A marketable limit order takes at once; its margin is sized like a taker's, at the better of limit and touch.
            touch = request.Side == OrderSide.Buy ? Math.Min(limitTouch, request.Price!.Value) : Math.Max(limitTouch, request.Price!.Value);
        }

        if (request.ClosePosition || request.Type is OrderType.StopMarket or OrderType.TakeProfitMarket)
        {
            return closing ? null : CheckMaxNotional(state, request.Side, positionSide, request.Quantity ?? 0m, request.StopPrice!.Value);
        }

        var price = touch ?? request.Price!.Value;
        var quantity = request.Quantity!.Value;
        if (!closing && CheckMaxNotional(state, request.Side, positionSide, quantity, price) is { } tooLarge)
        {
            return tooLarge;
        }

        var required = touch is not null
            ? TakerMargin(state, request.Side, positionSide, closing, quantity, price)
            : RestingMargin(state, request.Side, positionSide, closing, quantity, price);
        return required > 0m && required > state.Account.Portfolio.AvailableBalance ? VenueErrors.MarginInsufficient : null;
    }

    private static VenueError? CheckMaxNotional(AccountSymbol state, OrderSide side, PositionSide positionSide, decimal quantity, decimal price)
    {
        var portfolio = state.Account.Portfolio;
        var current = portfolio.PositionQuantity(state.Market.Symbol, positionSide);
        var after = current + (side == OrderSide.Buy ? quantity : -quantity);
        if (Math.Abs(after) <= Math.Abs(current))
        {
            return null;
        }

        var limit = state.Market.Instrument.MaxNotionalAt(portfolio.LeverageOf(state.Market.Symbol));
        return Math.Abs(after) * price > limit ? VenueErrors.MaxLeverageRatio : null;
    }

    private VenueOrder Accept(AccountSymbol state, NewOrderRequest request)
    {
        var orderId = _nextOrderId++;
        var clientOrderId = new ClientOrderId(request.ClientOrderId ?? GenerateClientOrderId(state, orderId));
        var order = new VenueOrder(
            orderId,
            clientOrderId,
            state,
            request.Side,
            request.PositionSide ?? PositionSide.Both,
            request.Type,
            request.TimeInForce ?? TimeInForce.Gtc,
            request.Price ?? 0m,
            request.StopPrice ?? 0m,
            request.Quantity ?? 0m,
            request.ReduceOnly,
            request.ClosePosition,
            request.WorkingType,
            _now);
        state.OpenOrders.Add(order);
        state.OpenByClientId[clientOrderId.Value] = order;
        state.Account.OrdersById[orderId] = order;
        if (_options.RecordHistory)
        {
            state.History.Add(order);
            state.LatestByClientId[clientOrderId.Value] = order;
        }

        PublishOrder(order, ExecutionType.New, null);
        return order;
    }

    // sim-<orderId>, unless a client chose that very id for an open order: then a suffix makes it unique.
    private static string GenerateClientOrderId(AccountSymbol state, long orderId)
    {
        var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sim-{orderId}");
        for (var suffix = 1; state.OpenByClientId.ContainsKey(id); suffix++)
        {
            id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sim-{orderId}-{suffix}");
        }

        return id;
    }

    // A new LIMIT order: takes what its price reaches (unless post-only), then rests or expires by its time in force.
    private void MatchNewLimit(VenueOrder order)
    {
        var market = order.Owner.Market;
        var touch = BookWalker.Touch(market, order.Side, _options);
        var marketable = touch is { } best && (order.Side == OrderSide.Buy ? order.Price >= best : order.Price <= best);
        if (!marketable)
        {
            if (order.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok)
            {
                ExpireIfOpen(order);
            }
            else
            {
                RestLimit(order);
            }

            return;
        }

        switch (order.TimeInForce)
        {
            case TimeInForce.Gtx:
                // Post-only: it would take liquidity, so it expires untouched (§6.2).
                ExpireIfOpen(order);
                break;
            case TimeInForce.Fok:
                ExecuteTaker(order, order.Price, allOrNothing: true);
                ExpireIfOpen(order);
                break;
            case TimeInForce.Ioc:
                ExecuteTaker(order, order.Price, allOrNothing: false);
                ExpireIfOpen(order);
                break;
            default:
                ExecuteTaker(order, order.Price, allOrNothing: false);
                if (order.IsOpen)
                {
                    RestLimit(order);
                }

                break;
        }
    }

    private static void RestLimit(VenueOrder order)
    {
        order.Owner.Market.Rest(order);
        order.Owner.Exposure.Change(order, order.LeavesQuantity);
        RefreshOpenOrderMargin(order.Owner);
    }

    private int CancelOpenOrders(AccountSymbol state)
    {
        var count = state.OpenOrders.Count;
        while (state.OpenOrders.Count > 0)
        {
            EndOrder(state.OpenOrders[0], OrderStatus.Canceled, ExecutionType.Canceled);
        }

        return count;
    }

    // The mark × (1 ± marketTakeBound) price a MARKET order may not trade beyond (§6.4).
    private static decimal TakeBound(SymbolMarket market, OrderSide side)
    {
        if (!market.HasMark)
        {
            return side == OrderSide.Buy ? decimal.MaxValue : 0m;
        }

        var bound = market.Instrument.MarketTakeBound;
        return side == OrderSide.Buy ? market.Mark * (1m + bound) : market.Mark * (1m - bound);
    }

    // Whether a conditional order's trigger condition already holds at the price it watches (§3.3 trigger rules).
    private static bool WouldTrigger(SymbolMarket market, OrderType type, OrderSide side, WorkingType workingType, decimal stopPrice)
    {
        var watched = workingType == WorkingType.MarkPrice ? (market.HasMark ? market.Mark : (decimal?)null) : (market.HasLast ? market.Last : null);
        if (watched is not { } price)
        {
            return false;
        }

        return SymbolMarket.TriggersOnRise(type, side) ? price >= stopPrice : price <= stopPrice;
    }
}
