using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Streams;

/// <summary>Turns a user-stream <c>ORDER_TRADE_UPDATE</c> into the domain's order events, for the exchange gateway.</summary>
public static class AsterOrderUpdateMapping
{
    /// <summary>
    /// The order event an update reports, or null when it reports none the order model knows:
    /// <list type="table">
    /// <listheader><term><c>x</c></term><description>event</description></listheader>
    /// <item><term>NEW</term><description><see cref="OrderAccepted"/> with the venue's order id (also sent when a stop
    /// triggers; the order model takes the repeat in its stride).</description></item>
    /// <item><term>TRADE, CALCULATED</term><description><see cref="OrderFilled"/> with a <see cref="Fill"/> of
    /// <c>l</c> at <c>L</c>, trade id <c>t</c>, fee <c>n</c>, maker when <c>m</c>; CALCULATED is a liquidation or ADL
    /// execution of an order the venue created (<c>autoclose-…</c>). A closePosition order carries its quantity
    /// <c>q</c>, which the venue fixes when it triggers.</description></item>
    /// <item><term>CANCELED</term><description><see cref="OrderCanceled"/>.</description></item>
    /// <item><term>EXPIRED</term><description><see cref="OrderExpired"/>.</description></item>
    /// <item><term>AMENDMENT, unknown</term><description>null.</description></item>
    /// </list>
    /// Times are the order's trade time <c>T</c> (the event time when it is 0). An update whose client order id is not
    /// a valid <see cref="ClientOrderId"/> is not ours: null.
    /// </summary>
    /// <param name="update">The update.</param>
    /// <param name="commissionInQuote">
    /// Values a commission charged in another asset than the symbol's quote asset (fee deduction in a chosen token,
    /// <c>ai.f</c>): (asset, amount) → amount in the quote asset. Without it such a fill throws, because a fee of unknown
    /// value would put PnL off.
    /// </param>
    /// <exception cref="InvalidOperationException">A fill's commission is in a foreign asset and no converter was given.</exception>
    /// <exception cref="ArgumentException">A fill has no known side.</exception>
    public static IOrderEvent? ToOrderEvent(this AsterOrderTradeUpdate update, Func<string, decimal, decimal>? commissionInQuote = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        var o = update.Order;
        if (!ClientOrderId.IsValid(o.ClientOrderId) || !o.ExecutionType.IsKnown)
        {
            return null;
        }

        var id = new ClientOrderId(o.ClientOrderId);
        var time = o.TradeTimeMs > 0 ? o.TradeTimeMs : update.EventTimeMs;
        return o.ExecutionType.Value switch
        {
            AsterExecutionType.New => new OrderAccepted(o.Symbol, id, new VenueOrderId(o.OrderId), time),
            AsterExecutionType.Trade or AsterExecutionType.Calculated when o.LastFilledQuantity > 0m =>
                new OrderFilled(ToFill(o, id, time, commissionInQuote), o.ClosePosition ? o.OriginalQuantity : null),
            AsterExecutionType.Canceled => new OrderCanceled(o.Symbol, id, time),
            AsterExecutionType.Expired => new OrderExpired(o.Symbol, id, time),
            _ => null,
        };
    }

    private static Fill ToFill(AsterOrderUpdate o, ClientOrderId id, long time, Func<string, decimal, decimal>? commissionInQuote)
    {
        if (!o.Side.IsKnown)
        {
            throw new ArgumentException($"Fill {o.TradeId} of order {o.ClientOrderId} has side '{o.Side.Raw}', which is neither BUY nor SELL.", nameof(o));
        }

        return new Fill(
            o.Symbol,
            id,
            new VenueOrderId(o.OrderId),
            new TradeId(o.TradeId),
            o.Side.Value,
            o.PositionSide.IsKnown ? o.PositionSide.Value : PositionSide.Both,
            o.LastFilledPrice,
            o.LastFilledQuantity,
            Fee(o, commissionInQuote),
            o.IsMaker ? LiquiditySide.Maker : LiquiditySide.Taker,
            time);
    }

    // A USDT-margined perpetual's quote asset ends its symbol (BTCUSDT → USDT).
    private static decimal Fee(AsterOrderUpdate o, Func<string, decimal, decimal>? commissionInQuote)
    {
        if (o.Commission is not { } amount || amount == 0m)
        {
            return 0m;
        }

        var asset = o.CommissionAsset;
        if (string.IsNullOrEmpty(asset) || o.Symbol.Value.EndsWith(asset, StringComparison.OrdinalIgnoreCase))
        {
            return amount;
        }

        return commissionInQuote is not null
            ? commissionInQuote(asset, amount)
            : throw new InvalidOperationException(
                $"Fill {o.TradeId} of order {o.ClientOrderId} paid its commission of {amount} in {asset}, not in {o.Symbol}'s quote asset; pass a converter to value it.");
    }
}
