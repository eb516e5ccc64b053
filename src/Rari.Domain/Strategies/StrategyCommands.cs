using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies;

/// <summary>
/// Something a strategy asks the outside world to do. The actor (or the backtester) sends commands only after the
/// decision's events are journaled, so a crash can lose a command but never act on an undecided one.
/// </summary>
public abstract record StrategyCommand : IWithSymbol
{
    /// <inheritdoc />
    public abstract Symbol Symbol { get; }
}

/// <summary>Place a new order. The intent's client order id is derived from the strategy's journaled sequence.</summary>
/// <param name="Intent">The order to place.</param>
/// <param name="Reason">Why, in a few words for the audit log (e.g. "grid level 3 buy").</param>
public sealed record PlaceOrder(OrderIntent Intent, string Reason) : StrategyCommand
{
    /// <inheritdoc />
    public override Symbol Symbol => Intent.Symbol;
}

/// <summary>Cancel one of the strategy's open orders.</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">Our id of the order to cancel.</param>
/// <param name="Reason">Why, in a few words for the audit log (e.g. "grid recentred").</param>
public sealed record CancelOrder(Symbol Symbol, ClientOrderId ClientOrderId, string Reason) : StrategyCommand
{
    /// <inheritdoc />
    public override Symbol Symbol { get; } = Symbol;
}
