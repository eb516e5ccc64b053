using System.Collections.Immutable;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Volatility;

/// <summary>
/// One order of the current round trip as the strategy tracks it: what was asked, what filled, and whether it can still
/// trade. Immutable; compares by value (the trade ids element by element).
/// </summary>
/// <param name="Id">Our id of the order.</param>
/// <param name="Role">Entry, stop-loss, take-profit or close.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">The order type.</param>
/// <param name="Quantity">The quantity asked for, base units.</param>
/// <param name="StopPrice">The trigger price of a STOP_MARKET or TAKE_PROFIT_MARKET; null otherwise.</param>
/// <param name="Status">Working, cancel requested, or ended.</param>
/// <param name="FilledQuantity">Executed so far, base units.</param>
/// <param name="FilledNotional">Σ price × quantity of the fills, USDT.</param>
/// <param name="Fees">Σ commissions of the fills, USDT.</param>
/// <param name="TradeIds">The execution ids applied, so a repeated report is counted once.</param>
public sealed record TrackedOrder(
    ClientOrderId Id,
    OrderRole Role,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? StopPrice,
    TrackedOrderStatus Status,
    decimal FilledQuantity,
    decimal FilledNotional,
    decimal Fees,
    ImmutableArray<TradeId> TradeIds)
{
    /// <summary>True while the order may still trade at the venue (working or awaiting its cancel confirmation).</summary>
    public bool IsLive => Status != TrackedOrderStatus.Ended;

    /// <summary>A freshly placed order.</summary>
    public static TrackedOrder Placed(OrderIntent intent, OrderRole role)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return new TrackedOrder(
            intent.ClientOrderId,
            role,
            intent.Side,
            intent.Type,
            intent.Quantity ?? throw new ArgumentException("The strategy's orders always carry a quantity.", nameof(intent)),
            intent.StopPrice,
            TrackedOrderStatus.Working,
            0m,
            0m,
            0m,
            []);
    }

    /// <summary>True when <paramref name="tradeId"/> was already applied.</summary>
    public bool HasTrade(TradeId tradeId) => !TradeIds.IsDefaultOrEmpty && TradeIds.Contains(tradeId);

    /// <summary>The order after one more execution; fully filled means ended.</summary>
    public TrackedOrder WithFill(TradeId tradeId, decimal price, decimal quantity, decimal fee)
    {
        var filled = FilledQuantity + quantity;
        return this with
        {
            FilledQuantity = filled,
            FilledNotional = FilledNotional + (price * quantity),
            Fees = Fees + fee,
            TradeIds = (TradeIds.IsDefault ? [] : TradeIds).Add(tradeId),
            Status = filled >= Quantity ? TrackedOrderStatus.Ended : Status,
        };
    }

    /// <inheritdoc />
    public bool Equals(TrackedOrder? other) =>
        other is not null
        && Id == other.Id
        && Role == other.Role
        && Side == other.Side
        && Type == other.Type
        && Quantity == other.Quantity
        && StopPrice == other.StopPrice
        && Status == other.Status
        && FilledQuantity == other.FilledQuantity
        && FilledNotional == other.FilledNotional
        && Fees == other.Fees
        && Sequences.Equal(TradeIds, other.TradeIds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Role, Status, FilledQuantity, TradeIds.IsDefault ? 0 : TradeIds.Length);
}

/// <summary>Value comparison of immutable arrays, treating a default array as empty.</summary>
internal static class Sequences
{
    public static bool Equal<T>(ImmutableArray<T> left, ImmutableArray<T> right)
    {
        var a = left.IsDefault ? [] : left;
        var b = right.IsDefault ? [] : right;
        return a.AsSpan().SequenceEqual(b.AsSpan());
    }
}
