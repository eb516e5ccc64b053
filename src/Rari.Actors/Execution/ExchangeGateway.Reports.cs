using Akka.Actor;
using Akka.Event;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Execution;

// Questions about orders and the gateway itself.
public sealed partial class ExchangeGateway
{
    private void OnGetOrderReports(GetOrderReports query)
    {
        var asker = Sender;
        var declarations = new List<OrderDeclaredLost>();
        foreach (var id in query.ClientOrderIds.Distinct())
        {
            if (!_state.TryGet(id, out _) && !_state.IsLost(id))
            {
                declarations.Add(new OrderDeclaredLost(query.Symbol, id, $"never received by the gateway; declared lost when {query.StrategyId} asked for its report"));
            }
        }

        PersistAll(declarations, ApplyJournaled);
        DeferAsync(query, q =>
        {
            var reports = q.ClientOrderIds.Select(id => _state.TryGet(id, out var order)
                ? order.Report()
                : new OrderStatusReport(id, null, null, null, [], _state.LostRecord(id)?.Reason)).ToList();
            asker.Tell(new OrderReports(q.Symbol, q.StrategyId, reports));
        });
    }

    private GatewayStatus Status() => new(
        _reconciled,
        [.. _state.OpenOrders.Select(o => o.Report())],
        _account,
        _submitted,
        _rejected,
        _unknownOutcomes);
}
