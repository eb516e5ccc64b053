using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Execution;

// What to ask the venue before reconciling: which orders to look up, which fills to fetch, how to name the fills.
public static partial class Reconciler
{
    /// <summary>
    /// The journal's orders that need a query by client order id: every order the journal holds as open (including a
    /// submission whose outcome is unknown) that is missing from the venue's open orders. Whether it filled, ended or
    /// was never placed, only the query can tell.
    /// </summary>
    /// <param name="orders">The journal's orders.</param>
    /// <param name="openOrders">The venue's open orders.</param>
    /// <param name="inFlight">Submissions still under way, left to their own resolution.</param>
    /// <returns>The client order ids to query, in the journal's order.</returns>
    public static IReadOnlyList<ClientOrderId> OrdersToQuery(
        IEnumerable<JournalOrder> orders, IReadOnlyList<VenueOrderReport> openOrders, IReadOnlySet<ClientOrderId>? inFlight = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(openOrders);
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in openOrders)
        {
            open.Add(report.ClientOrderId);
        }

        var query = new List<ClientOrderId>();
        foreach (var order in orders)
        {
            if (!order.Order.Status.IsTerminal() && !open.Contains(order.ClientOrderId.Value)
                && !(inFlight?.Contains(order.ClientOrderId) == true && order.Order.Status == OrderStatus.Submitted))
            {
                query.Add(order.ClientOrderId);
            }
        }

        return query;
    }

    /// <summary>
    /// Which of our fills to fetch, per symbol, so that every fill the journal may have missed is seen:
    /// <list type="bullet">
    /// <item>a symbol with journaled fills: every trade after the last journaled trade id (trade ids grow per symbol,
    /// so nothing is missed and no clock is involved);</item>
    /// <item>a symbol without journaled fills but with an order that may have filled (one the journal holds open, or
    /// one the venue counts more filled than the journal): every trade since the earliest such order was created at
    /// the venue, but never more than <paramref name="lookbackMs"/> before the newest creation time known;</item>
    /// <item>otherwise nothing: no order of ours can have filled there.</item>
    /// </list>
    /// </summary>
    /// <param name="orders">The journal's orders.</param>
    /// <param name="reports">What the venue said of the journal's orders (open orders and lookups).</param>
    /// <param name="lookbackMs">The longest time window fetched for a symbol without journaled fills.</param>
    /// <returns>One query per symbol that needs one, by symbol.</returns>
    public static IReadOnlyList<TradeQuery> TradeQueries(IEnumerable<JournalOrder> orders, IEnumerable<VenueOrderReport> reports, long lookbackMs)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(reports);
        var byId = new Dictionary<string, VenueOrderReport>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            byId.TryAdd(report.ClientOrderId, report);
        }

        var symbols = new SortedDictionary<string, SymbolTrades>(StringComparer.Ordinal);
        foreach (var journal in orders)
        {
            var order = journal.Order;
            if (!symbols.TryGetValue(order.Symbol.Value, out var trades))
            {
                trades = new SymbolTrades(order.Symbol);
                symbols.Add(order.Symbol.Value, trades);
            }

            foreach (var tradeId in order.TradeIds)
            {
                if (trades.LastTradeId is not { } last || tradeId.Value > last.Value)
                {
                    trades.LastTradeId = tradeId;
                }
            }

            var report = byId.GetValueOrDefault(order.ClientOrderId.Value);
            var mayHaveFilled = !order.Status.IsTerminal() || (report is not null && report.ExecutedQuantity > order.FilledQuantity);
            if (!mayHaveFilled)
            {
                continue;
            }

            trades.NeedsFills = true;
            if (report is not null)
            {
                trades.EarliestMs = Math.Min(trades.EarliestMs ?? long.MaxValue, report.CreatedMs);
                trades.NewestMs = Math.Max(trades.NewestMs ?? long.MinValue, report.CreatedMs);
            }
        }

        var queries = new List<TradeQuery>();
        foreach (var trades in symbols.Values)
        {
            if (trades.LastTradeId is { } last)
            {
                queries.Add(new TradeQuery(trades.Symbol, new TradeId(last.Value + 1), null));
            }
            else if (trades.NeedsFills && trades.EarliestMs is { } earliest)
            {
                queries.Add(new TradeQuery(trades.Symbol, null, Math.Max(earliest, trades.NewestMs!.Value - lookbackMs)));
            }
        }

        return queries;
    }

    /// <summary>
    /// Names venue order ids by our client order ids, for the venue's trade list (which gives only the venue's order
    /// id): from the journal first, then from what the venue reported.
    /// </summary>
    /// <param name="orders">The journal's orders.</param>
    /// <param name="reports">What the venue said (open orders and lookups).</param>
    public static IReadOnlyDictionary<VenueOrderId, ClientOrderId> VenueIds(IEnumerable<JournalOrder> orders, IEnumerable<VenueOrderReport> reports)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(reports);
        var ids = new Dictionary<VenueOrderId, ClientOrderId>();
        foreach (var order in orders)
        {
            if (order.Order.VenueOrderId is { } venueId)
            {
                ids.TryAdd(venueId, order.ClientOrderId);
            }
        }

        foreach (var report in reports)
        {
            if (ClientOrderId.IsValid(report.ClientOrderId))
            {
                ids.TryAdd(report.VenueOrderId, new ClientOrderId(report.ClientOrderId));
            }
        }

        return ids;
    }

    private sealed class SymbolTrades(Symbol symbol)
    {
        public Symbol Symbol { get; } = symbol;

        public TradeId? LastTradeId { get; set; }

        public bool NeedsFills { get; set; }

        public long? EarliestMs { get; set; }

        public long? NewestMs { get; set; }
    }
}
