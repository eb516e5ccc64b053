using Rari.Domain.Identifiers;
using Rari.Venue.Orders;

namespace Rari.Venue.Events;

/// <summary>
/// An order was created or changed status (Aster's <c>ORDER_TRADE_UPDATE</c>): accepted, filled in part or in full,
/// cancelled, expired, or executed as a liquidation.
/// </summary>
/// <param name="Account">The account the order belongs to.</param>
/// <param name="Execution">What happened (<c>o.x</c>).</param>
/// <param name="Order">The order after the event (<c>o.X</c> is its status).</param>
/// <param name="Trade">The fill, for <see cref="ExecutionType.Trade"/> and <see cref="ExecutionType.Calculated"/>; otherwise null.</param>
/// <param name="OpenBidNotional">The account's open buy-order notional on the symbol after the event (<c>o.b</c>).</param>
/// <param name="OpenAskNotional">The account's open sell-order notional on the symbol after the event (<c>o.a</c>).</param>
/// <param name="TimeMs">Venue time (<c>E</c>, <c>T</c>), UTC epoch milliseconds.</param>
public sealed record OrderUpdated(
    AccountId Account,
    ExecutionType Execution,
    OrderSnapshot Order,
    OrderTrade? Trade,
    decimal OpenBidNotional,
    decimal OpenAskNotional,
    long TimeMs) : IVenueEvent;

/// <summary>One fill of an order, the trade fields of <c>ORDER_TRADE_UPDATE</c> and of a <c>userTrades</c> row.</summary>
/// <param name="TradeId">The venue's trade id (<c>o.t</c>), unique within the venue.</param>
/// <param name="Price">Fill price (<c>o.L</c>).</param>
/// <param name="Quantity">Fill quantity (<c>o.l</c>).</param>
/// <param name="Commission">Commission charged (<c>o.n</c>), USDT; for a liquidation, the liquidation fee.</param>
/// <param name="CommissionAsset">Commission asset (<c>o.N</c>), always the quote asset.</param>
/// <param name="IsMaker">True when the order was resting (<c>o.m</c>).</param>
/// <param name="RealizedProfit">PnL realized by this fill before fees (<c>o.rp</c>).</param>
public sealed record OrderTrade(
    TradeId TradeId,
    decimal Price,
    decimal Quantity,
    decimal Commission,
    string CommissionAsset,
    bool IsMaker,
    decimal RealizedProfit);
