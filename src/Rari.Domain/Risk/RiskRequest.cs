using Rari.Domain.Orders;

namespace Rari.Domain.Risk;

/// <summary>
/// An order intent handed to the risk gate, with what the gate needs to know about its downside that the intent itself
/// does not say: the protective stop of the trade, or its worst-case loss per unit.
/// </summary>
/// <remarks>
/// The per-trade rule measures the loss at the stop from, in this order: <see cref="WorstCaseLossPerUnit"/>,
/// <see cref="StopLossPrice"/>, and the symbol's standing stop in the context (<see cref="SymbolRiskView.StopLossPrice"/>).
/// A grid gives its stop-loss price, or the loss per unit of its worst level when it has no stop.
/// </remarks>
/// <param name="Intent">The order the strategy wants to send.</param>
public sealed record RiskRequest(OrderIntent Intent)
{
    /// <summary>The price at which the trade this order opens would be stopped out; null when the order carries none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public decimal? StopLossPrice
    {
        get;
        init => field = value is null or > 0m
            ? value
            : throw new ArgumentOutOfRangeException(nameof(StopLossPrice), value, "A stop-loss price must be positive.");
    }

    /// <summary>
    /// The most one unit of the order can lose, in USDT, when the trade has no single stop price (a grid's worst level,
    /// a stop plus a gap allowance); null when not given. Takes precedence over <see cref="StopLossPrice"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public decimal? WorstCaseLossPerUnit
    {
        get;
        init => field = value is null or > 0m
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WorstCaseLossPerUnit), value, "A worst-case loss per unit must be positive.");
    }

    /// <summary>
    /// True when the venue itself guarantees the order cannot add exposure: it is reduce-only, closes the whole position
    /// (<c>closePosition</c>), or in hedge mode closes a leg (SELL on LONG, BUY on SHORT). Such orders pass every rule.
    /// </summary>
    public bool IsExposureSafe =>
        Intent.ReduceOnly
        || Intent.ClosePosition
        || (Intent.PositionSide, Intent.Side) is (PositionSide.Long, OrderSide.Sell) or (PositionSide.Short, OrderSide.Buy);
}
