using System.Text.Json;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Orders;
using Rari.Venue.Commands;
using Rari.Venue.Orders;

namespace Rari.Aster.Sim.Trading;

// Order endpoints: place (single and batch), query, cancel (one, batch, all, countdown), open and all orders.
public sealed partial class VenueTradingApi
{
    private const int MaxBatchCancel = 10;

    private SimReply PlaceOrder(TradingCall call)
    {
        var parsed = OrderRequestParser.Parse(call.Parameters, _replay);
        var placed = Require(Place(call, parsed));
        return SimReply.Json(w => OrderJson.Write(w, parsed.Market.Spec, placed, parsed.PriceProtect));
    }

    // ACK answers the order as accepted (NEW, nothing filled); RESULT answers it after matching (§3.3).
    private VenueResult<OrderSnapshot> Place(TradingCall call, ParsedOrder parsed)
    {
        _capturing = true;
        _accepted = null;
        try
        {
            var result = _venue.PlaceOrder(AccountOf(call), parsed.Request);
            if (!result.IsSuccess)
            {
                return result;
            }

            if (parsed.PriceProtect)
            {
                _priceProtected.Add(result.Value.OrderId.Value);
            }

            return parsed.WantsResult || _accepted is null ? result : VenueResult.Success(_accepted);
        }
        finally
        {
            _capturing = false;
            _accepted = null;
        }
    }

    private SimReply PlaceBatch(TradingCall call)
    {
        using var list = JsonList.Parse("batchOrders", call.Parameters.Required("batchOrders"));
        var items = list.RootElement;
        if (items.GetArrayLength() is 0 or > Venue.SimulatedVenue.MaxBatchOrders)
        {
            throw new AsterErrorException(OrderJson.ToAsterError(VenueErrors.InvalidBatchSize));
        }

        // Aster processes a batch's orders concurrently; here they go one after the other, answered in input order.
        var results = new List<(ParsedOrder? Order, OrderSnapshot? Placed, AsterError? Error)>();
        foreach (var item in items.EnumerateArray())
        {
            try
            {
                var parsed = OrderRequestParser.Parse(item, _replay);
                var placed = Place(call, parsed);
                results.Add(placed.IsSuccess ? (parsed, placed.Value, null) : (parsed, null, OrderJson.ToAsterError(placed.Error)));
            }
            catch (AsterErrorException refused)
            {
                results.Add((null, null, refused.Error));
            }
        }

        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var (order, placed, error) in results)
            {
                if (placed is not null)
                {
                    OrderJson.Write(w, order!.Market.Spec, placed, order.PriceProtect);
                }
                else
                {
                    OrderJson.WriteError(w, error!);
                }
            }

            w.WriteEndArray();
        });
    }

    private SimReply QueryOrder(TradingCall call)
    {
        var market = RequireSymbol(call);
        var found = Require(_venue.GetOrder(AccountOf(call), market.Symbol, Reference(call.Parameters)));

        // §3.3: a cancelled or expired order without fills is forgotten after 7 days.
        if (found.Status is OrderStatus.Canceled or OrderStatus.Expired && found.ExecutedQuantity == 0m && _venue.NowMs - found.TimeMs > SevenDaysMs)
        {
            throw new AsterErrorException(OrderJson.ToAsterError(VenueErrors.NoSuchOrder));
        }

        return OrderReply(market, found);
    }

    private SimReply QueryOpenOrder(TradingCall call)
    {
        var market = RequireSymbol(call);
        return OrderReply(market, Require(_venue.GetOpenOrder(AccountOf(call), market.Symbol, Reference(call.Parameters))));
    }

    private SimReply CancelOrder(TradingCall call)
    {
        var market = RequireSymbol(call);
        return OrderReply(market, Require(_venue.CancelOrder(AccountOf(call), market.Symbol, Reference(call.Parameters))));
    }

    private SimReply CancelBatch(TradingCall call)
    {
        var market = RequireSymbol(call);
        var p = call.Parameters;
        var byId = p.Optional("orderIdList");
        var byClientId = p.Optional("origClientOrderIdList");
        if (byId is null && byClientId is null)
        {
            throw new AsterErrorException(AsterErrors.EitherParameter("orderIdList", "origClientOrderIdList"));
        }

        var name = byId is not null ? "orderIdList" : "origClientOrderIdList";
        using var list = JsonList.Parse(name, byId ?? byClientId!);
        var items = list.RootElement;
        if (items.GetArrayLength() is 0 or > MaxBatchCancel)
        {
            throw new AsterErrorException(OrderJson.ToAsterError(VenueErrors.InvalidBatchSize));
        }

        var references = new List<OrderReference>();
        foreach (var item in items.EnumerateArray())
        {
            references.Add(byId is not null ? OrderReference.ById(ListedOrderId(item)) : OrderReference.ByClientId(ListedClientId(item)));
        }

        var results = references.Select(reference => _venue.CancelOrder(AccountOf(call), market.Symbol, reference)).ToList();
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var result in results)
            {
                if (result.IsSuccess)
                {
                    OrderJson.Write(w, market.Spec, result.Value, _priceProtected.Contains(result.Value.OrderId.Value));
                }
                else
                {
                    OrderJson.WriteError(w, OrderJson.ToAsterError(result.Error));
                }
            }

            w.WriteEndArray();
        });
    }

    private SimReply CancelAll(TradingCall call)
    {
        var market = RequireSymbol(call);
        Require(_venue.CancelAllOrders(AccountOf(call), market.Symbol));

        // §3.3 and §9.11: this one success reply carries its code as the text "200".
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("code", "200");
            w.WriteString("msg", "The operation of cancel all open order is done.");
            w.WriteEndObject();
        });
    }

    private SimReply Countdown(TradingCall call)
    {
        var market = RequireSymbol(call);
        var countdown = Require(_venue.SetCountdownCancelAll(AccountOf(call), market.Symbol, call.Parameters.RequiredLong("countdownTime")));
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("symbol", countdown.Symbol.Value);
            w.WriteString("countdownTime", countdown.CountdownTimeMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        });
    }

    private SimReply OpenOrders(TradingCall call)
    {
        var market = OptionalSymbol(call);
        return OrdersReply(Require(_venue.GetOpenOrders(AccountOf(call), market?.Symbol)));
    }

    private SimReply AllOrders(TradingCall call)
    {
        var market = RequireSymbol(call);
        var p = call.Parameters;
        var (start, end) = TimeRange(p);
        var limit = p.BoundedInt("limit", 500, 1, 1000);
        return OrdersReply(Require(_venue.GetAllOrders(AccountOf(call), market.Symbol, p.OptionalLong("orderId"), start, end, limit)));
    }

    // The account's liquidation orders (clientOrderId autoclose-…); this venue has no ADL, so ADL asks find none.
    private SimReply ForceOrders(TradingCall call)
    {
        var market = OptionalSymbol(call);
        var p = call.Parameters;
        var autoClose = p.Optional("autoCloseType");
        if (autoClose is not (null or "LIQUIDATION" or "ADL"))
        {
            throw new AsterErrorException(AsterErrors.InvalidParameter("autoCloseType", "use LIQUIDATION or ADL."));
        }

        var (start, end) = TimeRange(p);
        var limit = p.BoundedInt("limit", 50, 1, 100);
        var orders = autoClose == "ADL"
            ? new List<OrderSnapshot>()
            : _ledger.Liquidations(AccountOf(call))
                .Where(o => (market is null || o.Symbol == market.Symbol) && (start is null || o.TimeMs >= start) && (end is null || o.TimeMs <= end))
                .ToList();
        var first = start is null ? Math.Max(0, orders.Count - limit) : 0;
        return OrdersReply(orders.Skip(first).Take(limit).ToList());
    }

    private SimReply OrderReply(MarketSymbol market, OrderSnapshot order) =>
        SimReply.Json(w => OrderJson.Write(w, market.Spec, order, _priceProtected.Contains(order.OrderId.Value)));

    private SimReply OrdersReply(IReadOnlyList<OrderSnapshot> orders) => SimReply.Json(w =>
    {
        w.WriteStartArray();
        foreach (var order in orders)
        {
            OrderJson.Write(w, SpecOf(order.Symbol), order, _priceProtected.Contains(order.OrderId.Value));
        }

        w.WriteEndArray();
    });

    // orderId wins over origClientOrderId when both are sent (§3.3).
    private static OrderReference Reference(RequestParameters p)
    {
        if (p.OptionalLong("orderId") is { } id)
        {
            return OrderReference.ById(id);
        }

        return p.Optional("origClientOrderId") is { } clientId
            ? OrderReference.ByClientId(clientId)
            : throw new AsterErrorException(AsterErrors.EitherParameter("orderId", "origClientOrderId"));
    }

    // ccxt sends the ids of a batch cancel as JSON strings (["1001","1002"]), the docs as numbers; both are accepted.
    private static long ListedOrderId(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Number when item.TryGetInt64(out var id) => id,
        JsonValueKind.String when long.TryParse(item.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) => id,
        _ => throw new AsterErrorException(AsterErrors.InvalidParameter("orderIdList", "expected a list of order ids.")),
    };

    private static string ListedClientId(JsonElement item) => item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } id
        ? id
        : throw new AsterErrorException(AsterErrors.InvalidParameter("origClientOrderIdList", "expected a list of client order ids."));
}
