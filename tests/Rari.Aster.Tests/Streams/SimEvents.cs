using Rari.Aster.Models;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using SimStreams = Rari.Aster.Sim.Streams;

namespace Rari.Aster.Tests.Streams;

/// <summary>User events as the simulator's engine publishes them, and what our stream must make of them.</summary>
internal static class SimEvents
{
    public static SimStreams.OrderTradeUpdate Order(long time) => new(time, time, new SimStreams.OrderUpdate(
        "BTCUSDT", "grid-b-1", "BUY", "LIMIT", "GTC", "0.010", "94696.7", "94696.7", "0", "TRADE", "PARTIALLY_FILLED", 1001,
        "0.004", "0.004", "94696.7", 1_746_489_659_999, 17, "568.18", "0", true, false, "CONTRACT_PRICE", "LIMIT", "BOTH", false, "0")
    {
        CommissionAsset = "USDT",
        Commission = "0.07575736",
    });

    /// <summary><see cref="Order"/> parsed, at event time 1 746 489 660 001.</summary>
    public static AsterOrderTradeUpdate ExpectedOrder { get; } = new(1_746_489_660_001, 1_746_489_660_001, new AsterOrderUpdate
    {
        Symbol = new Symbol("BTCUSDT"),
        ClientOrderId = "grid-b-1",
        Side = WireValue.Of(OrderSide.Buy),
        OrderType = WireValue.Of(AsterOrderType.Limit),
        TimeInForce = WireValue.Of(AsterTimeInForce.Gtc),
        OriginalQuantity = 0.010m,
        OriginalPrice = 94696.7m,
        AveragePrice = 94696.7m,
        StopPrice = 0m,
        ExecutionType = WireValue.Of(AsterExecutionType.Trade),
        Status = WireValue.Of(AsterOrderStatus.PartiallyFilled),
        OrderId = 1001,
        LastFilledQuantity = 0.004m,
        CumulativeFilledQuantity = 0.004m,
        LastFilledPrice = 94696.7m,
        CommissionAsset = "USDT",
        Commission = 0.07575736m,
        TradeTimeMs = 1_746_489_659_999,
        TradeId = 17,
        BidsNotional = 568.18m,
        AsksNotional = 0m,
        IsMaker = true,
        ReduceOnly = false,
        WorkingType = WireValue.Of(AsterWorkingType.ContractPrice),
        OriginalOrderType = WireValue.Of(AsterOrderType.Limit),
        PositionSide = WireValue.Of(PositionSide.Both),
        ClosePosition = false,
        RealizedProfit = 0m,
    });

    public static SimStreams.AccountUpdate Account(long time) => new(
        time, time, "ORDER",
        [new SimStreams.BalanceUpdate("USDT", "4999.9", "4999.9", "0")],
        [new SimStreams.PositionUpdate("BTCUSDT", "0.001", "94696.7", "0", "0.01", "cross", "0", "BOTH")]);

    public static SimStreams.MarginCall MarginCall(long time) => new(
        time, "4.5", [new SimStreams.MarginCallPosition("BTCUSDT", "BOTH", "0.5", "CROSSED", "0", "90000", "-4000", "2250")]);
}
