using Rari.Domain.Identifiers;

namespace Rari.Domain.Orders;

/// <summary>
/// What a strategy asks the venue for: one order, fully specified, before risk checks and submission.
/// Build it with <see cref="Create"/>, which refuses every combination Aster would refuse.
/// </summary>
/// <remarks>
/// Invariants (Aster §3.3 and §6.3): quantity, price and stop price are &gt; 0 when present; a LIMIT order has a
/// price and a time in force and nothing else does; STOP_MARKET and TAKE_PROFIT_MARKET have a stop price and
/// nothing else does; only they may close the whole position, and then without a quantity and without
/// reduce-only; in hedge mode (<see cref="PositionSide.Long"/>/<see cref="PositionSide.Short"/>) reduce-only is
/// never sent. The properties cannot be changed after creation, so a held intent is always valid.
/// </remarks>
public sealed record OrderIntent
{
    private OrderIntent(
        ClientOrderId clientOrderId,
        StrategyId strategyId,
        Symbol symbol,
        OrderSide side,
        OrderType type,
        decimal? quantity,
        decimal? price,
        decimal? stopPrice,
        TimeInForce? timeInForce,
        bool reduceOnly,
        bool closePosition,
        PositionSide positionSide)
    {
        ClientOrderId = clientOrderId;
        StrategyId = strategyId;
        Symbol = symbol;
        Side = side;
        Type = type;
        Quantity = quantity;
        Price = price;
        StopPrice = stopPrice;
        TimeInForce = timeInForce;
        ReduceOnly = reduceOnly;
        ClosePosition = closePosition;
        PositionSide = positionSide;
    }

    /// <summary>Our id of the order, sent as <c>newClientOrderId</c>.</summary>
    public ClientOrderId ClientOrderId { get; }

    /// <summary>The strategy that asked for the order.</summary>
    public StrategyId StrategyId { get; }

    /// <summary>The symbol to trade.</summary>
    public Symbol Symbol { get; }

    /// <summary>Buy or sell.</summary>
    public OrderSide Side { get; }

    /// <summary>LIMIT, MARKET, STOP_MARKET or TAKE_PROFIT_MARKET.</summary>
    public OrderType Type { get; }

    /// <summary>Quantity in base units; null only for a <see cref="ClosePosition"/> order, whose size the venue decides.</summary>
    public decimal? Quantity { get; }

    /// <summary>Limit price; set for LIMIT orders only.</summary>
    public decimal? Price { get; }

    /// <summary>Trigger price; set for STOP_MARKET and TAKE_PROFIT_MARKET orders only.</summary>
    public decimal? StopPrice { get; }

    /// <summary>Time in force; set for LIMIT orders only (GTX = post-only).</summary>
    public TimeInForce? TimeInForce { get; }

    /// <summary>The order may only shrink the position (one-way mode only).</summary>
    public bool ReduceOnly { get; }

    /// <summary>When triggered, close the whole position (STOP_MARKET and TAKE_PROFIT_MARKET only, without a quantity).</summary>
    public bool ClosePosition { get; }

    /// <summary><see cref="PositionSide.Both"/> in one-way mode; <see cref="PositionSide.Long"/> or <see cref="PositionSide.Short"/> in hedge mode.</summary>
    public PositionSide PositionSide { get; }

    /// <summary>
    /// Creates an intent, refusing every combination the venue would refuse.
    /// </summary>
    /// <param name="clientOrderId">Our id of the order (derive it with <see cref="ClientOrderIdFactory"/>).</param>
    /// <param name="strategyId">The strategy that asks for it.</param>
    /// <param name="symbol">The symbol to trade.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="type">The order type.</param>
    /// <param name="quantity">Quantity in base units, &gt; 0; null only with <paramref name="closePosition"/>.</param>
    /// <param name="price">Limit price, &gt; 0; LIMIT only.</param>
    /// <param name="stopPrice">Trigger price, &gt; 0; STOP_MARKET and TAKE_PROFIT_MARKET only.</param>
    /// <param name="timeInForce">Required for LIMIT orders, not allowed otherwise.</param>
    /// <param name="reduceOnly">Only shrink the position; one-way mode only, not with <paramref name="closePosition"/>.</param>
    /// <param name="closePosition">Close the whole position when triggered; STOP_MARKET and TAKE_PROFIT_MARKET only.</param>
    /// <param name="positionSide">BOTH in one-way mode, LONG or SHORT in hedge mode.</param>
    /// <returns>The valid intent.</returns>
    /// <exception cref="ArgumentException">
    /// The combination is impossible; <see cref="ArgumentException.ParamName"/> names the field and the message says what to do.
    /// </exception>
    public static OrderIntent Create(
        ClientOrderId clientOrderId,
        StrategyId strategyId,
        Symbol symbol,
        OrderSide side,
        OrderType type,
        decimal? quantity,
        decimal? price = null,
        decimal? stopPrice = null,
        TimeInForce? timeInForce = null,
        bool reduceOnly = false,
        bool closePosition = false,
        PositionSide positionSide = PositionSide.Both)
    {
        var intent = new OrderIntent(
            clientOrderId, strategyId, symbol, side, type, quantity, price, stopPrice, timeInForce, reduceOnly, closePosition, positionSide);
        if (intent.FindError() is { } error)
        {
            throw new ArgumentException(error.Message, error.Field);
        }

        return intent;
    }

    /// <summary>
    /// The same intent with another quantity, for example after the risk gate resized it.
    /// </summary>
    /// <exception cref="ArgumentException">The quantity is not &gt; 0, or the intent closes the whole position and takes no quantity.</exception>
    public OrderIntent WithQuantity(decimal quantity) =>
        Create(ClientOrderId, StrategyId, Symbol, Side, Type, quantity, Price, StopPrice, TimeInForce, ReduceOnly, ClosePosition, PositionSide);

    private (string Field, string Message)? FindError()
    {
        if (ClientOrderId.Value is null)
        {
            return ("clientOrderId", "clientOrderId is required: derive one with ClientOrderIdFactory.");
        }

        if (string.IsNullOrWhiteSpace(StrategyId.Value))
        {
            return ("strategyId", "strategyId is required: name the strategy that asks for the order.");
        }

        if (Symbol.Value is null)
        {
            return ("symbol", "symbol is required, for example BTCUSDT.");
        }

        if (!Enum.IsDefined(Side))
        {
            return ("side", Text($"side {Side} is unknown: use BUY or SELL."));
        }

        if (!Enum.IsDefined(Type))
        {
            return ("type", Text($"type {Type} is unknown: use LIMIT, MARKET, STOP_MARKET or TAKE_PROFIT_MARKET."));
        }

        if (!Enum.IsDefined(PositionSide))
        {
            return ("positionSide", Text($"positionSide {PositionSide} is unknown: use BOTH in one-way mode, LONG or SHORT in hedge mode."));
        }

        if (TimeInForce is { } tif && !Enum.IsDefined(tif))
        {
            return ("timeInForce", Text($"timeInForce {tif} is unknown: use GTC, IOC, FOK or GTX."));
        }

        return FindQuantityError() ?? FindPriceError() ?? FindTimeInForceError() ?? FindCloseError();
    }

    private (string Field, string Message)? FindQuantityError()
    {
        if (ClosePosition)
        {
            return Quantity is null
                ? null
                : ("quantity", "a closePosition order takes no quantity: the venue closes the whole position (Aster -4137); leave quantity unset.");
        }

        if (Quantity is not { } quantity)
        {
            return ("quantity", Text($"a {Name(Type)} order needs a quantity; only a closePosition order goes without one."));
        }

        return quantity > 0m ? null : ("quantity", Text($"quantity must be greater than 0, got {quantity}."));
    }

    private (string Field, string Message)? FindPriceError()
    {
        var isLimit = Type == OrderType.Limit;
        var isTriggered = Type is OrderType.StopMarket or OrderType.TakeProfitMarket;

        if (isLimit && Price is null)
        {
            return ("price", "a LIMIT order needs a price.");
        }

        if (!isLimit && Price is not null)
        {
            return ("price", isTriggered
                ? Text($"a {Name(Type)} order takes no price: it executes at market once stopPrice triggers it.")
                : "a MARKET order takes no price: use a LIMIT order to set one.");
        }

        if (Price is <= 0m)
        {
            return ("price", Text($"price must be greater than 0, got {Price}."));
        }

        if (isTriggered && StopPrice is null)
        {
            return ("stopPrice", Text($"a {Name(Type)} order needs a stopPrice, the price that triggers it."));
        }

        if (!isTriggered && StopPrice is not null)
        {
            return ("stopPrice", Text($"a {Name(Type)} order takes no stopPrice: stopPrice is for STOP_MARKET and TAKE_PROFIT_MARKET orders."));
        }

        return StopPrice is <= 0m ? ("stopPrice", Text($"stopPrice must be greater than 0, got {StopPrice}.")) : null;
    }

    private (string Field, string Message)? FindTimeInForceError()
    {
        if (Type == OrderType.Limit)
        {
            return TimeInForce is null
                ? ("timeInForce", "a LIMIT order needs a timeInForce: GTC, IOC, FOK or GTX (post-only).")
                : null;
        }

        return TimeInForce is { } tif
            ? ("timeInForce", Text($"{Name(tif)} applies to LIMIT orders only: leave timeInForce unset for a {Name(Type)} order."))
            : null;
    }

    private (string Field, string Message)? FindCloseError()
    {
        var isHedgeMode = PositionSide != PositionSide.Both;
        if (ClosePosition && Type is not (OrderType.StopMarket or OrderType.TakeProfitMarket))
        {
            return ("closePosition", Text($"closePosition applies to STOP_MARKET and TAKE_PROFIT_MARKET orders only: use reduceOnly to close with a {Name(Type)} order."));
        }

        if (ClosePosition && ReduceOnly)
        {
            return ("reduceOnly", "reduceOnly must be false on a closePosition order: Aster refuses the two together.");
        }

        if (isHedgeMode && ReduceOnly)
        {
            return ("reduceOnly", Text($"reduceOnly must not be sent in hedge mode (positionSide {Name(PositionSide)}): closing is implied by side and positionSide."));
        }

        // In hedge mode BUY+LONG and SELL+SHORT open or add to a position, so there is nothing for closePosition to close.
        if (ClosePosition && (PositionSide, Side) is (PositionSide.Long, OrderSide.Buy) or (PositionSide.Short, OrderSide.Sell))
        {
            var closing = Side == OrderSide.Buy ? "SELL" : "BUY";
            return ("closePosition", Text($"closePosition with {Name(Side)} on {Name(PositionSide)} would open, not close: use {closing} to close a {Name(PositionSide)} position."));
        }

        return null;
    }

    private static string Name(OrderType type) => OrderWireNames.Of(type);

    private static string Name(OrderSide side) => OrderWireNames.Of(side);

    private static string Name(TimeInForce timeInForce) => OrderWireNames.Of(timeInForce);

    private static string Name(PositionSide positionSide) => OrderWireNames.Of(positionSide);

    // Messages print decimals the way the API does, whatever the machine's culture.
    private static string Text(FormattableString text) => FormattableString.Invariant(text);
}
