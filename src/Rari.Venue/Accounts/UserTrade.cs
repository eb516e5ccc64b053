using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Venue.Accounts;

/// <summary>One of the account's fills (Aster's <c>GET /fapi/v1/userTrades</c> row).</summary>
/// <param name="Id">The trade id.</param>
/// <param name="OrderId">The order that filled.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">BUY or SELL.</param>
/// <param name="PositionSide">BOTH, LONG or SHORT.</param>
/// <param name="Price">Fill price.</param>
/// <param name="Quantity">Fill quantity.</param>
/// <param name="QuoteQuantity">Price × quantity.</param>
/// <param name="Commission">Commission charged (the liquidation fee for a liquidation fill), USDT, positive when paid.</param>
/// <param name="CommissionAsset">USDT.</param>
/// <param name="RealizedPnl">PnL realized by the fill, before fees.</param>
/// <param name="IsBuyer">True for a BUY.</param>
/// <param name="IsMaker">True when the order was resting.</param>
/// <param name="TimeMs">Fill time, UTC epoch milliseconds.</param>
public sealed record UserTrade(
    TradeId Id,
    VenueOrderId OrderId,
    Symbol Symbol,
    OrderSide Side,
    PositionSide PositionSide,
    decimal Price,
    decimal Quantity,
    decimal QuoteQuantity,
    decimal Commission,
    string CommissionAsset,
    decimal RealizedPnl,
    bool IsBuyer,
    bool IsMaker,
    long TimeMs);
