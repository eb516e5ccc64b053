using Rari.Aster.Models;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>New-order requests for the tests, and the published book the venue's takers meet.</summary>
internal static class Orders
{
    public static NewOrderRequest LimitOrder(Symbol symbol, OrderSide side, decimal quantity, decimal price, string id, AsterTimeInForce tif = AsterTimeInForce.Gtc) =>
        new() { Symbol = symbol, Side = side, Type = AsterOrderType.Limit, Quantity = quantity, Price = price, TimeInForce = tif, ClientOrderId = new ClientOrderId(id) };

    public static NewOrderRequest MarketOrder(Symbol symbol, OrderSide side, decimal quantity, string id, AsterOrderResponseType? response = AsterOrderResponseType.Result) =>
        new() { Symbol = symbol, Side = side, Type = AsterOrderType.Market, Quantity = quantity, ClientOrderId = new ClientOrderId(id), ResponseType = response };

    /// <summary>
    /// What a market order of <paramref name="quantity"/> pays walking the book the simulator publishes at
    /// <paramref name="market"/>'s last price: the average price and the notional.
    /// </summary>
    public static (decimal Average, decimal Notional) Walk(MarketSymbol market, OrderSide side, decimal quantity)
    {
        var (bids, asks) = SyntheticBook.Top(market.Spec, market.LastPrice, 20);
        var levels = side == OrderSide.Buy ? asks : bids;
        var left = quantity;
        var notional = 0m;
        foreach (var level in levels)
        {
            var take = Math.Min(left, level.Quantity);
            notional += take * level.Price;
            left -= take;
            if (left == 0m)
            {
                break;
            }
        }

        Assert.Equal(0m, left);
        return (notional / quantity, notional);
    }
}
