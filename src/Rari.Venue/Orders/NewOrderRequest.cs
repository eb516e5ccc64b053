using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Venue.Orders;

/// <summary>
/// A new-order request as a client sends it (<c>POST /fapi/v1/order</c>), after the server has parsed the text into
/// typed values. Nothing is validated here: the venue checks the combination and the symbol filters and answers with
/// Aster's codes, so a request may hold anything a client could send.
/// </summary>
/// <param name="Symbol">The symbol to trade.</param>
/// <param name="Side">BUY or SELL.</param>
/// <param name="Type">LIMIT, MARKET, STOP_MARKET or TAKE_PROFIT_MARKET.</param>
public sealed record NewOrderRequest(Symbol Symbol, OrderSide Side, OrderType Type)
{
    /// <summary><c>positionSide</c>; null when not sent, which means BOTH (one-way mode).</summary>
    public PositionSide? PositionSide { get; init; }

    /// <summary><c>timeInForce</c>; required for LIMIT, not sent otherwise.</summary>
    public TimeInForce? TimeInForce { get; init; }

    /// <summary><c>quantity</c> in base units; required except with closePosition.</summary>
    public decimal? Quantity { get; init; }

    /// <summary><c>price</c>; LIMIT only.</summary>
    public decimal? Price { get; init; }

    /// <summary><c>stopPrice</c>; STOP_MARKET and TAKE_PROFIT_MARKET only.</summary>
    public decimal? StopPrice { get; init; }

    /// <summary><c>reduceOnly</c>; one-way mode only.</summary>
    public bool ReduceOnly { get; init; }

    /// <summary><c>closePosition</c>; STOP_MARKET and TAKE_PROFIT_MARKET only, without quantity and reduceOnly.</summary>
    public bool ClosePosition { get; init; }

    /// <summary><c>newClientOrderId</c> as sent; null to let the venue generate one.</summary>
    public string? ClientOrderId { get; init; }

    /// <summary><c>workingType</c>: which price triggers a conditional order.</summary>
    public WorkingType WorkingType { get; init; } = WorkingType.ContractPrice;

    /// <summary>A LIMIT order.</summary>
    public static NewOrderRequest Limit(Symbol symbol, OrderSide side, decimal quantity, decimal price, TimeInForce timeInForce = Domain.Orders.TimeInForce.Gtc) =>
        new(symbol, side, OrderType.Limit) { Quantity = quantity, Price = price, TimeInForce = timeInForce };

    /// <summary>A MARKET order.</summary>
    public static NewOrderRequest Market(Symbol symbol, OrderSide side, decimal quantity) =>
        new(symbol, side, OrderType.Market) { Quantity = quantity };

    /// <summary>A STOP_MARKET order for a quantity.</summary>
    public static NewOrderRequest StopMarket(Symbol symbol, OrderSide side, decimal quantity, decimal stopPrice) =>
        new(symbol, side, OrderType.StopMarket) { Quantity = quantity, StopPrice = stopPrice };

    /// <summary>A TAKE_PROFIT_MARKET order for a quantity.</summary>
    public static NewOrderRequest TakeProfitMarket(Symbol symbol, OrderSide side, decimal quantity, decimal stopPrice) =>
        new(symbol, side, OrderType.TakeProfitMarket) { Quantity = quantity, StopPrice = stopPrice };
}
