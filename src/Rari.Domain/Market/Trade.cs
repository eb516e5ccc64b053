using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Market;

/// <summary>
/// One aggregate trade: a taker order's fills at one price and time merged into one print (Aster's
/// <c>aggTrade</c> stream and <c>aggTrades</c> endpoint, Binance's aggTrades archives).
/// </summary>
/// <param name="Symbol">The traded symbol.</param>
/// <param name="Id">The aggregate trade id (Aster's <c>a</c>); consecutive within a symbol. Not a fill's <see cref="TradeId"/>.</param>
/// <param name="Price">Execution price.</param>
/// <param name="Quantity">Executed quantity in base units, positive.</param>
/// <param name="TimeMs">Trade time (Aster's <c>T</c>), UTC epoch milliseconds.</param>
/// <param name="IsBuyerMaker">
/// True when the buyer's order was resting, i.e. the taker sold (Aster's <c>m</c>); see <see cref="TakerSide"/>.
/// </param>
public readonly record struct Trade(Symbol Symbol, long Id, decimal Price, decimal Quantity, long TimeMs, bool IsBuyerMaker)
{
    /// <summary>The side of the aggressive order: <see cref="OrderSide.Sell"/> when the buyer was the maker.</summary>
    public OrderSide TakerSide => IsBuyerMaker ? OrderSide.Sell : OrderSide.Buy;

    /// <summary>Price × quantity, in the quote asset.</summary>
    public decimal Notional => Price * Quantity;
}
