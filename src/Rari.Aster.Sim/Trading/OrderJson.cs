using System.Text.Json;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Instruments;
using Rari.Venue.Commands;
using Rari.Venue.Orders;

namespace Rari.Aster.Sim.Trading;

/// <summary>
/// Writes Aster's order object (fact sheet §3.3), the reply of every order endpoint: ids, status, prices and
/// quantities on the instrument's grid, flags, and both <c>time</c> (creation) and <c>updateTime</c> (ccxt takes the
/// order's timestamp from <c>time</c>).
/// </summary>
internal static class OrderJson
{
    public static void Write(Utf8JsonWriter w, SymbolSpec spec, OrderSnapshot order, bool priceProtect)
    {
        w.WriteStartObject();
        w.WriteNumber("orderId", order.OrderId.Value);
        w.WriteString("symbol", order.Symbol.Value);
        w.WriteString("status", TradingWire.Status(order.Status));
        w.WriteString("clientOrderId", order.ClientOrderId.Value);
        w.WriteString("price", TradingNumbers.Price(spec, order.Price));
        w.WriteString("avgPrice", TradingNumbers.Average(spec, order.AveragePrice));
        w.WriteString("origQty", TradingNumbers.Quantity(spec, order.OriginalQuantity));
        w.WriteString("executedQty", TradingNumbers.Quantity(spec, order.ExecutedQuantity));
        w.WriteString("cumQty", TradingNumbers.Quantity(spec, order.ExecutedQuantity));
        w.WriteString("cumQuote", TradingNumbers.Money(order.CumulativeQuote));
        w.WriteString("timeInForce", TradingWire.TimeInForce(order.TimeInForce));
        w.WriteString("type", TradingWire.Type(order.Type, order.IsLiquidation));
        w.WriteBoolean("reduceOnly", order.ReduceOnly);
        w.WriteBoolean("closePosition", order.ClosePosition);
        w.WriteString("side", TradingWire.Side(order.Side));
        w.WriteString("positionSide", TradingWire.PositionSide(order.PositionSide));
        w.WriteString("stopPrice", TradingNumbers.Price(spec, order.StopPrice));
        w.WriteString("workingType", TradingWire.WorkingType(order.WorkingType));
        w.WriteBoolean("priceProtect", priceProtect);
        w.WriteString("origType", TradingWire.Type(order.OriginalType, order.IsLiquidation));
        w.WriteNumber("time", order.TimeMs);
        w.WriteNumber("updateTime", order.UpdateTimeMs);
        w.WriteEndObject();
    }

    /// <summary>A <c>{"code":…,"msg":…}</c> element of a batch answer.</summary>
    public static void WriteError(Utf8JsonWriter w, AsterError error)
    {
        w.WriteStartObject();
        w.WriteNumber("code", error.Code);
        w.WriteString("msg", error.Message);
        w.WriteEndObject();
    }

    /// <summary>A venue refusal as Aster's error reply (HTTP 400).</summary>
    public static AsterError ToAsterError(VenueError error) => new(error.Code, error.Message);
}
