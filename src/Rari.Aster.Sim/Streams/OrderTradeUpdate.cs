using System.Text.Json;

namespace Rari.Aster.Sim.Streams;

/// <summary>The <c>o</c> object of an <c>ORDER_TRADE_UPDATE</c>; see fact sheet §4.5 for each field's meaning.</summary>
/// <param name="Symbol"><c>s</c>.</param>
/// <param name="ClientOrderId"><c>c</c>.</param>
/// <param name="Side"><c>S</c>: BUY or SELL.</param>
/// <param name="OrderType"><c>o</c>: the current type.</param>
/// <param name="TimeInForce"><c>f</c>.</param>
/// <param name="OriginalQuantity"><c>q</c>.</param>
/// <param name="OriginalPrice"><c>p</c>.</param>
/// <param name="AveragePrice"><c>ap</c>.</param>
/// <param name="StopPrice"><c>sp</c>.</param>
/// <param name="ExecutionType"><c>x</c>: NEW, TRADE, CANCELED, EXPIRED, CALCULATED, AMENDMENT.</param>
/// <param name="OrderStatus"><c>X</c>: NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, …</param>
/// <param name="OrderId"><c>i</c>.</param>
/// <param name="LastFilledQuantity"><c>l</c>.</param>
/// <param name="CumulativeFilledQuantity"><c>z</c>.</param>
/// <param name="LastFilledPrice"><c>L</c>.</param>
/// <param name="TradeTimeMs"><c>T</c>.</param>
/// <param name="TradeId"><c>t</c>: 0 when the event is not a trade.</param>
/// <param name="BidsNotional"><c>b</c>.</param>
/// <param name="AsksNotional"><c>a</c>.</param>
/// <param name="IsMaker"><c>m</c>.</param>
/// <param name="ReduceOnly"><c>R</c>.</param>
/// <param name="WorkingType"><c>wt</c>.</param>
/// <param name="OriginalOrderType"><c>ot</c>.</param>
/// <param name="PositionSide"><c>ps</c>.</param>
/// <param name="ClosePosition"><c>cp</c>.</param>
/// <param name="RealizedProfit"><c>rp</c>.</param>
public sealed record OrderUpdate(
    string Symbol,
    string ClientOrderId,
    string Side,
    string OrderType,
    string TimeInForce,
    string OriginalQuantity,
    string OriginalPrice,
    string AveragePrice,
    string StopPrice,
    string ExecutionType,
    string OrderStatus,
    long OrderId,
    string LastFilledQuantity,
    string CumulativeFilledQuantity,
    string LastFilledPrice,
    long TradeTimeMs,
    long TradeId,
    string BidsNotional,
    string AsksNotional,
    bool IsMaker,
    bool ReduceOnly,
    string WorkingType,
    string OriginalOrderType,
    string PositionSide,
    bool ClosePosition,
    string RealizedProfit)
{
    /// <summary><c>N</c>: the commission asset; null (left out) when there is no commission.</summary>
    public string? CommissionAsset { get; init; }

    /// <summary><c>n</c>: the commission of this fill; null (left out) when there is no commission.</summary>
    public string? Commission { get; init; }

    /// <summary><c>AP</c>: activation price, trailing stops only.</summary>
    public string? ActivationPrice { get; init; }

    /// <summary><c>cr</c>: callback rate, trailing stops only.</summary>
    public string? CallbackRate { get; init; }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject("o");
        w.WriteString("s", Symbol);
        w.WriteString("c", ClientOrderId);
        w.WriteString("S", Side);
        w.WriteString("o", OrderType);
        w.WriteString("f", TimeInForce);
        w.WriteString("q", OriginalQuantity);
        w.WriteString("p", OriginalPrice);
        w.WriteString("ap", AveragePrice);
        w.WriteString("sp", StopPrice);
        w.WriteString("x", ExecutionType);
        w.WriteString("X", OrderStatus);
        w.WriteNumber("i", OrderId);
        w.WriteString("l", LastFilledQuantity);
        w.WriteString("z", CumulativeFilledQuantity);
        w.WriteString("L", LastFilledPrice);
        if (CommissionAsset is not null && Commission is not null)
        {
            w.WriteString("N", CommissionAsset);
            w.WriteString("n", Commission);
        }

        w.WriteNumber("T", TradeTimeMs);
        w.WriteNumber("t", TradeId);
        w.WriteString("b", BidsNotional);
        w.WriteString("a", AsksNotional);
        w.WriteBoolean("m", IsMaker);
        w.WriteBoolean("R", ReduceOnly);
        w.WriteString("wt", WorkingType);
        w.WriteString("ot", OriginalOrderType);
        w.WriteString("ps", PositionSide);
        w.WriteBoolean("cp", ClosePosition);
        if (ActivationPrice is not null)
        {
            w.WriteString("AP", ActivationPrice);
        }

        if (CallbackRate is not null)
        {
            w.WriteString("cr", CallbackRate);
        }

        w.WriteString("rp", RealizedProfit);
        w.WriteEndObject();
    }
}

/// <summary><c>ORDER_TRADE_UPDATE</c>: an order was created or changed status.</summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
/// <param name="TransactionTimeMs"><c>T</c>.</param>
/// <param name="Order"><c>o</c>.</param>
public sealed record OrderTradeUpdate(long EventTimeMs, long TransactionTimeMs, OrderUpdate Order) : UserStreamEvent(EventTimeMs)
{
    /// <inheritdoc />
    public override string EventType => "ORDER_TRADE_UPDATE";

    /// <inheritdoc />
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteNumber("T", TransactionTimeMs);
        Order.Write(w);
    }
}
