using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.TestKit;

/// <summary>Builds <see cref="Fill"/> values for tests, with harmless ids unless the test cares about them.</summary>
public static class TestFills
{
    /// <summary>A buy fill; <paramref name="positionSide"/> defaults to one-way mode's BOTH.</summary>
    public static Fill Buy(
        string symbol,
        decimal quantity,
        decimal price,
        decimal fee = 0m,
        PositionSide positionSide = PositionSide.Both,
        LiquiditySide liquidity = LiquiditySide.Taker,
        long tradeId = 1,
        long timestampMs = 0) =>
        Create(symbol, OrderSide.Buy, quantity, price, fee, positionSide, liquidity, tradeId, timestampMs);

    /// <summary>A sell fill; <paramref name="positionSide"/> defaults to one-way mode's BOTH.</summary>
    public static Fill Sell(
        string symbol,
        decimal quantity,
        decimal price,
        decimal fee = 0m,
        PositionSide positionSide = PositionSide.Both,
        LiquiditySide liquidity = LiquiditySide.Taker,
        long tradeId = 1,
        long timestampMs = 0) =>
        Create(symbol, OrderSide.Sell, quantity, price, fee, positionSide, liquidity, tradeId, timestampMs);

    /// <summary>Any fill; the client order id is <c>test-{tradeId}</c> and the venue order id equals the trade id.</summary>
    public static Fill Create(
        string symbol,
        OrderSide side,
        decimal quantity,
        decimal price,
        decimal fee = 0m,
        PositionSide positionSide = PositionSide.Both,
        LiquiditySide liquidity = LiquiditySide.Taker,
        long tradeId = 1,
        long timestampMs = 0) =>
        new(
            new Symbol(symbol),
            new ClientOrderId($"test-{tradeId}"),
            new VenueOrderId(tradeId),
            new TradeId(tradeId),
            side,
            positionSide,
            price,
            quantity,
            fee,
            liquidity,
            timestampMs);
}
