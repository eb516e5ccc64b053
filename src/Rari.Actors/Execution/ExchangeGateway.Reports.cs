using Akka.Actor;
using Akka.Event;
using Rari.Aster.Rest;
using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Execution;

// Questions about orders and the gateway itself.
public sealed partial class ExchangeGateway
{
    private void OnGetOrderReports(GetOrderReports query)
    {
        var asker = Sender;
        var declarations = new List<OrderDeclaredLost>();
        var retired = new List<ClientOrderId>();
        foreach (var id in query.ClientOrderIds.Distinct())
        {
            if (_state.IsRetired(id))
            {
                retired.Add(id);
            }
            else if (!_state.TryGet(id, out _) && !_state.IsLost(id))
            {
                declarations.Add(new OrderDeclaredLost(query.Symbol, id, $"never received by the gateway; declared lost when {query.StrategyId} asked for its report"));
            }
        }

        PersistAll(declarations, ApplyJournaled);
        if (retired.Count == 0)
        {
            DeferAsync(query, q => asker.Tell(Answer(q, new Dictionary<ClientOrderId, OrderStatusReport>())));
            return;
        }

        // Orders dropped from memory: the journal no longer says how they ended, so the venue is asked. Declaring them
        // lost instead would make a strategy forget the fills of an order that filled.
        DeferAsync(query, q => LookUpDroppedAsync(_rest, q.Symbol, retired, _stop.Token).PipeTo(
            Self,
            success: found => new DroppedOrdersLookedUp(q, asker, found, null),
            failure: error => new DroppedOrdersLookedUp(q, asker, new Dictionary<ClientOrderId, OrderStatusReport>(), Unwrap(error).Message)));
    }

    private void OnDroppedOrdersLookedUp(DroppedOrdersLookedUp lookedUp)
    {
        var answer = Answer(lookedUp.Query, lookedUp.Reports);
        if (answer.Reports.Count < lookedUp.Query.ClientOrderIds.Count)
        {
            // Left out rather than guessed: the strategy's next order sync asks again.
            _log.Warning(
                "Gateway: the venue could not tell what became of {0} dropped order(s) of {1} ({2}); their reports are left out",
                lookedUp.Query.ClientOrderIds.Count - answer.Reports.Count,
                lookedUp.Query.StrategyId,
                lookedUp.Failure ?? "their fills do not add up or the query failed");
        }

        lookedUp.Asker.Tell(answer);
    }

    // The kept orders from the journal, dropped ones from the venue's answers (left out when there is none).
    private OrderReports Answer(GetOrderReports query, IReadOnlyDictionary<ClientOrderId, OrderStatusReport> dropped)
    {
        var reports = new List<OrderStatusReport>(query.ClientOrderIds.Count);
        foreach (var id in query.ClientOrderIds)
        {
            if (_state.TryGet(id, out var order))
            {
                reports.Add(order.Report());
            }
            else if (dropped.TryGetValue(id, out var report))
            {
                reports.Add(report);
            }
            else if (!_state.IsRetired(id))
            {
                reports.Add(new OrderStatusReport(id, null, null, null, [], _state.LostRecord(id)?.Reason));
            }
        }

        return new OrderReports(query.Symbol, query.StrategyId, reports);
    }

    // Off the actor's thread: each dropped order as the venue reports it, with its fills; an order the venue cannot
    // account for (a failed query, fills that do not add up) is left out.
    private static async Task<IReadOnlyDictionary<ClientOrderId, OrderStatusReport>> LookUpDroppedAsync(
        AsterRestClient rest, Symbol symbol, IReadOnlyList<ClientOrderId> ids, CancellationToken cancellationToken)
    {
        var reports = new Dictionary<ClientOrderId, OrderStatusReport>();
        foreach (var id in ids)
        {
            switch (await LookupAsync(rest, symbol, id, cancellationToken).ConfigureAwait(false))
            {
                case OrderLookup.NotFound:
                    // The venue forgets only orders that ended without fills; and the gateway refuses the id forever.
                    reports[id] = new OrderStatusReport(id, null, null, null, [], "ended long ago without fills, or never received; not kept by the gateway nor known to the venue, and never sent");
                    break;
                case OrderLookup.Found { Report: { Status: { } status } report }:
                    if (await FillsOfAsync(rest, report, id, cancellationToken).ConfigureAwait(false) is { } fills)
                    {
                        reports[id] = new OrderStatusReport(id, status, report.VenueOrderId, report.Quantity, fills, "dropped from the gateway's memory; as the venue reports it");
                    }

                    break;
            }
        }

        return reports;
    }

    // Every trade of one venue order, from its creation on; null when they do not add up to what the venue counts filled.
    private static async Task<IReadOnlyList<Fill>?> FillsOfAsync(AsterRestClient rest, VenueOrderReport report, ClientOrderId id, CancellationToken cancellationToken)
    {
        var fills = new List<Fill>();
        var filled = 0m;
        long? fromId = null;
        for (var page = 0; page < MaxTradePages && filled < report.ExecutedQuantity; page++)
        {
            var trades = fromId is null
                ? await rest.GetUserTradesAsync(report.Symbol, report.CreatedMs, null, null, TradePage, cancellationToken).ConfigureAwait(false)
                : await rest.GetUserTradesAsync(report.Symbol, null, null, fromId, TradePage, cancellationToken).ConfigureAwait(false);
            foreach (var trade in trades)
            {
                if (trade.OrderId == report.VenueOrderId.Value)
                {
                    var fill = trade.ToFill(id);
                    fills.Add(fill);
                    filled += fill.Quantity;
                }
            }

            if (trades.Count == 0)
            {
                break;
            }

            fromId = trades.Max(t => t.Id) + 1;
        }

        return filled == report.ExecutedQuantity ? fills : null;
    }

    private GatewayStatus Status() => new(
        _reconciled,
        [.. _state.OpenOrders.Select(o => o.Report())],
        _account,
        _submitted,
        _rejected,
        _unknownOutcomes);

    private sealed record DroppedOrdersLookedUp(GetOrderReports Query, IActorRef Asker, IReadOnlyDictionary<ClientOrderId, OrderStatusReport> Reports, string? Failure);
}
