using Rari.Domain.Identifiers;
using Rari.Venue.Accounts;
using Rari.Venue.Commands;
using Rari.Venue.Matching;
using Rari.Venue.Orders;

namespace Rari.Venue;

// Order queries: one order, open orders, order history.
public sealed partial class SimulatedVenue
{
    /// <summary>One order, open or finished (<c>GET /fapi/v1/order</c>); −2013 when unknown. Finished orders are found only while history is recorded.</summary>
    public VenueResult<OrderSnapshot> GetOrder(AccountId account, Symbol symbol, OrderReference order)
    {
        if (Resolve(account, symbol, out var state) is { } error)
        {
            return VenueResult.Failure<OrderSnapshot>(error);
        }

        return FindOrder(state!.Account, state.Market, order) is { } found
            ? VenueResult.Success(found.ToSnapshot())
            : VenueResult.Failure<OrderSnapshot>(VenueErrors.NoSuchOrder);
    }

    /// <summary>One open order (<c>GET /fapi/v1/openOrder</c>); −2013 when it is unknown or no longer open.</summary>
    public VenueResult<OrderSnapshot> GetOpenOrder(AccountId account, Symbol symbol, OrderReference order)
    {
        if (Resolve(account, symbol, out var state) is { } error)
        {
            return VenueResult.Failure<OrderSnapshot>(error);
        }

        return FindOrder(state!.Account, state.Market, order) is { IsOpen: true } found
            ? VenueResult.Success(found.ToSnapshot())
            : VenueResult.Failure<OrderSnapshot>(VenueErrors.NoSuchOrder);
    }

    /// <summary>The open orders of one symbol, or of all symbols when <paramref name="symbol"/> is null, by order id (<c>GET /fapi/v1/openOrders</c>).</summary>
    public VenueResult<IReadOnlyList<OrderSnapshot>> GetOpenOrders(AccountId account, Symbol? symbol = null)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<IReadOnlyList<OrderSnapshot>>(VenueErrors.BadAccount);
        }

        SymbolMarket? only = null;
        if (symbol is { } wanted && (only = FindMarket(wanted)) is null)
        {
            return VenueResult.Failure<IReadOnlyList<OrderSnapshot>>(VenueErrors.BadSymbol);
        }

        var orders = new List<VenueOrder>();
        foreach (var state in venueAccount.Symbols)
        {
            if (only is null || state.Market == only)
            {
                orders.AddRange(state.OpenOrders);
            }
        }

        orders.Sort(static (a, b) => a.OrderId.CompareTo(b.OrderId));
        return VenueResult.Success<IReadOnlyList<OrderSnapshot>>(Snapshots(orders, 0, orders.Count));
    }

    /// <summary>
    /// The symbol's orders, open and finished, by order id (<c>GET /fapi/v1/allOrders</c>): from
    /// <paramref name="fromOrderId"/> on and within the time range when given; the first <paramref name="limit"/> of
    /// them when a start is given, otherwise the latest <paramref name="limit"/>.
    /// </summary>
    public VenueResult<IReadOnlyList<OrderSnapshot>> GetAllOrders(
        AccountId account, Symbol symbol, long? fromOrderId = null, long? startTimeMs = null, long? endTimeMs = null, int limit = 500)
    {
        if (Resolve(account, symbol, out var state) is { } error)
        {
            return VenueResult.Failure<IReadOnlyList<OrderSnapshot>>(error);
        }

        if (limit < 1)
        {
            return VenueResult.Failure<IReadOnlyList<OrderSnapshot>>(VenueErrors.InvalidParameter("limit"));
        }

        var source = _options.RecordHistory ? state!.History : state!.OpenOrders;
        var matching = new List<VenueOrder>();
        foreach (var order in source)
        {
            if ((fromOrderId is null || order.OrderId >= fromOrderId) &&
                (startTimeMs is null || order.TimeMs >= startTimeMs) &&
                (endTimeMs is null || order.TimeMs <= endTimeMs))
            {
                matching.Add(order);
            }
        }

        var (start, count) = Window(matching.Count, limit, fromStart: fromOrderId is not null || startTimeMs is not null);
        return VenueResult.Success<IReadOnlyList<OrderSnapshot>>(Snapshots(matching, start, count));
    }

    private static VenueOrder? FindOrder(VenueAccount account, SymbolMarket market, OrderReference reference)
    {
        if (reference.OrderId is { } id)
        {
            return account.OrdersById.TryGetValue(id, out var byId) && byId.Owner.Market == market ? byId : null;
        }

        if (reference.ClientOrderId is { } clientId && account.Find(market) is { } state)
        {
            return state.OpenByClientId.TryGetValue(clientId, out var open) ? open
                : state.LatestByClientId.TryGetValue(clientId, out var latest) ? latest
                : null;
        }

        return null;
    }

    private static OrderSnapshot[] Snapshots(List<VenueOrder> orders, int start, int count)
    {
        var snapshots = new OrderSnapshot[count];
        for (var i = 0; i < count; i++)
        {
            snapshots[i] = orders[start + i].ToSnapshot();
        }

        return snapshots;
    }

    // Aster's paging: the first `limit` rows from a given start, otherwise the most recent `limit`.
    private static (int Start, int Count) Window(int total, int limit, bool fromStart)
    {
        var count = Math.Min(total, limit);
        return (fromStart ? 0 : total - count, count);
    }
}
