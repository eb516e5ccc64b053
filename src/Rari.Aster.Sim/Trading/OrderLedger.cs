using System.Text.Json;
using Rari.Aster.Sim.Instruments;
using Rari.Domain.Identifiers;
using Rari.Venue.Events;
using Rari.Venue.Orders;

namespace Rari.Aster.Sim.Trading;

/// <summary>
/// Every order the venue ever created, with each status change, for <c>GET /_sim/orders</c>: the crash-recovery
/// tests audit it for duplicates (one intent, two orders) and orphans (an order nobody knows about).
/// </summary>
/// <remarks>
/// Fed from the venue's <see cref="OrderUpdated"/> events, so user orders, liquidation orders and orders cancelled by
/// the countdown all appear. Not thread-safe: the wiring calls it under its lock.
/// </remarks>
internal sealed class OrderLedger
{
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<long, Entry> _byId = [];

    /// <summary>How many orders were ever created.</summary>
    public int Count => _entries.Count;

    /// <summary>Records an order event.</summary>
    public void Record(OrderUpdated update)
    {
        var id = update.Order.OrderId.Value;
        if (!_byId.TryGetValue(id, out var entry))
        {
            entry = new Entry(update.Account);
            _entries.Add(entry);
            _byId.Add(id, entry);
        }

        entry.Latest = update.Order;
        entry.History.Add(new Step(update.Execution, update.Order.Status, update.TimeMs, update.Trade));
    }

    /// <summary>The liquidation orders of an account, oldest first.</summary>
    public IEnumerable<OrderSnapshot> Liquidations(AccountId account)
    {
        foreach (var entry in _entries)
        {
            if (entry.Account == account && entry.Latest.IsLiquidation)
            {
                yield return entry.Latest;
            }
        }
    }

    /// <summary>
    /// Writes the ledger as a JSON array in creation order, optionally only one account's or one symbol's orders:
    /// account, ids, symbol, side, types, prices and quantities, final status, times, and the status history (each
    /// step's execution type, status, time, and for fills the quantity, price and trade id).
    /// </summary>
    public void Write(Utf8JsonWriter w, Func<Symbol, SymbolSpec> specs, string? account, string? symbol)
    {
        w.WriteStartArray();
        foreach (var entry in _entries)
        {
            var order = entry.Latest;
            if ((account is not null && entry.Account.Value != account) || (symbol is not null && order.Symbol.Value != symbol))
            {
                continue;
            }

            var spec = specs(order.Symbol);
            w.WriteStartObject();
            w.WriteString("account", entry.Account.Value);
            w.WriteString("symbol", order.Symbol.Value);
            w.WriteNumber("orderId", order.OrderId.Value);
            w.WriteString("clientOrderId", order.ClientOrderId.Value);
            w.WriteString("side", TradingWire.Side(order.Side));
            w.WriteString("positionSide", TradingWire.PositionSide(order.PositionSide));
            w.WriteString("type", TradingWire.Type(order.Type, order.IsLiquidation));
            w.WriteString("origType", TradingWire.Type(order.OriginalType, order.IsLiquidation));
            w.WriteString("timeInForce", TradingWire.TimeInForce(order.TimeInForce));
            w.WriteString("price", TradingNumbers.Price(spec, order.Price));
            w.WriteString("stopPrice", TradingNumbers.Price(spec, order.StopPrice));
            w.WriteString("origQty", TradingNumbers.Quantity(spec, order.OriginalQuantity));
            w.WriteString("executedQty", TradingNumbers.Quantity(spec, order.ExecutedQuantity));
            w.WriteString("avgPrice", TradingNumbers.Average(spec, order.AveragePrice));
            w.WriteBoolean("reduceOnly", order.ReduceOnly);
            w.WriteBoolean("closePosition", order.ClosePosition);
            w.WriteBoolean("liquidation", order.IsLiquidation);
            w.WriteString("status", TradingWire.Status(order.Status));
            w.WriteNumber("time", order.TimeMs);
            w.WriteNumber("updateTime", order.UpdateTimeMs);
            w.WriteStartArray("history");
            foreach (var step in entry.History)
            {
                w.WriteStartObject();
                w.WriteString("execution", TradingWire.Execution(step.Execution));
                w.WriteString("status", TradingWire.Status(step.Status));
                w.WriteNumber("time", step.TimeMs);
                if (step.Trade is { } trade)
                {
                    w.WriteNumber("tradeId", trade.TradeId.Value);
                    w.WriteString("lastQty", TradingNumbers.Quantity(spec, trade.Quantity));
                    w.WriteString("lastPrice", TradingNumbers.Price(spec, trade.Price));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private sealed record Step(ExecutionType Execution, Domain.Orders.OrderStatus Status, long TimeMs, OrderTrade? Trade);

    private sealed class Entry(AccountId account)
    {
        public AccountId Account { get; } = account;

        public OrderSnapshot Latest { get; set; } = null!;

        public List<Step> History { get; } = [];
    }
}
