using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Execution;

// Open orders the journal does not know, and the builder that proves every planned event applies.
public static partial class Reconciler
{
    private static void SettleUnknown(VenueOrderReport report, ReconciliationInput input, Dictionary<ClientOrderId, IReadOnlyList<Fill>> fills, PlanBuilder plan)
    {
        var symbol = report.Symbol;
        var text = report.ClientOrderId;
        if (!ClientOrderId.IsValid(text) || !input.Rules.Ids.IsOurs(new ClientOrderId(text)))
        {
            plan.Find(FindingKind.Foreign, symbol, text, Text($"open order {report.VenueOrderId} is not ours; left alone"));
            return;
        }

        var id = new ClientOrderId(text);
        if (input.DeclaredLost.Contains(id))
        {
            Cancel(report, "declared lost by the gateway, yet open at the venue", plan);
            return;
        }

        if (input.Rules.UnknownOrders == UnknownOrderPolicy.Adopt)
        {
            if (TryAdopt(report, input.Rules.Ids, out var intent, out var why))
            {
                Adopt(report, intent, fills.GetValueOrDefault(id) ?? [], input.Rules, plan);
                return;
            }

            Cancel(report, "cannot be adopted (" + why + ")", plan);
            return;
        }

        Cancel(report, "unknown to the journal", plan);
    }

    private static void Cancel(VenueOrderReport report, string why, PlanBuilder plan)
    {
        plan.Find(FindingKind.UnknownCanceled, report.Symbol, report.ClientOrderId, Text($"open order {report.VenueOrderId} with our prefix is {why}: cancelling it"));
        plan.Cancel(new OrderCancellation(report.Symbol, report.ClientOrderId, InJournal: false, "our prefix, " + why));
    }

    private static void Adopt(VenueOrderReport report, OrderIntent intent, IReadOnlyList<Fill> fills, ReconciliationRules rules, PlanBuilder plan)
    {
        var order = Order.Create(new OrderInitialized(intent, report.CreatedMs));
        var scratch = new PlanBuilder();
        var adopted = scratch.Try(ref order, new OrderSubmitted(report.Symbol, intent.ClientOrderId, report.CreatedMs))
            && scratch.Try(ref order, new OrderAccepted(report.Symbol, intent.ClientOrderId, report.VenueOrderId, report.CreatedMs));
        order = ApplyFills(order, fills, scratch);
        var complete = report.ExecutedQuantity <= order.FilledQuantity || !rules.TradesComplete;
        if (!adopted || !complete || scratch.HasMismatch)
        {
            Cancel(report, Text($"inconsistent ({report.ExecutedQuantity} filled at the venue, {order.FilledQuantity} in its trades)"), plan);
            return;
        }

        plan.Adopt(new OrderAdoption(intent, report.CreatedMs));
        plan.Merge(scratch);
        plan.Find(FindingKind.UnknownAdopted, report.Symbol, report.ClientOrderId, Text($"open order {report.VenueOrderId} with our prefix adopted ({report.ExecutedQuantity} of {report.Quantity} filled)"));
    }

    private static bool TryAdopt(VenueOrderReport report, ClientOrderIdFactory ids, out OrderIntent intent, out string why)
    {
        intent = null!;
        if (!ids.TryParse(new ClientOrderId(report.ClientOrderId), out var parts) || !parts.IsFor(report.Symbol))
        {
            why = "its id does not name this symbol";
            return false;
        }

        if (report.Type is not { } type)
        {
            why = "its type is not one we trade";
            return false;
        }

        try
        {
            intent = OrderIntent.Create(
                new ClientOrderId(report.ClientOrderId),
                parts.StrategyId,
                report.Symbol,
                report.Side,
                type,
                report.ClosePosition ? null : report.Quantity,
                price: type == OrderType.Limit ? report.Price : null,
                stopPrice: type is OrderType.StopMarket or OrderType.TakeProfitMarket ? report.StopPrice : null,
                timeInForce: type == OrderType.Limit ? report.TimeInForce : null,
                reduceOnly: report.ReduceOnly && !report.ClosePosition,
                closePosition: report.ClosePosition,
                positionSide: report.PositionSide);
            why = string.Empty;
            return true;
        }
        catch (ArgumentException invalid)
        {
            why = invalid.Message;
            return false;
        }
    }

    /// <summary>Collects the plan; <see cref="Try"/> keeps an event only when the order applies it.</summary>
    private sealed class PlanBuilder
    {
        private readonly List<OrderAdoption> _adoptions = [];
        private readonly List<IOrderEvent> _events = [];
        private readonly List<OrderCancellation> _cancellations = [];
        private readonly List<ReconciliationFinding> _findings = [];

        public bool HasMismatch { get; private set; }

        // Applied: kept and folded. Ignored: a duplicate the journal already holds. Refused: a disagreement to report.
        public bool Try(ref Order order, IOrderEvent orderEvent)
        {
            switch (order.Apply(orderEvent))
            {
                case OrderApplyResult.Applied applied:
                    order = applied.Order;
                    _events.Add(orderEvent);
                    return true;
                case OrderApplyResult.Refused refused:
                    Find(FindingKind.Mismatch, order.Symbol, order.ClientOrderId.Value, refused.Error);
                    return false;
                default:
                    return false;
            }
        }

        public void Find(FindingKind kind, Symbol symbol, string clientOrderId, string detail)
        {
            HasMismatch |= kind == FindingKind.Mismatch;
            _findings.Add(new ReconciliationFinding(kind, symbol, clientOrderId, detail));
        }

        public void Cancel(OrderCancellation cancellation) => _cancellations.Add(cancellation);

        public void Adopt(OrderAdoption adoption) => _adoptions.Add(adoption);

        public void Merge(PlanBuilder other)
        {
            _events.AddRange(other._events);
            _findings.AddRange(other._findings);
        }

        /// <summary>The latest acceptance-window end among orders that were not found only because it is too early.</summary>
        public long? WaitingUntilMs { get; private set; }

        public int AwaitingWindows { get; private set; }

        public void AwaitWindow(long untilMs)
        {
            WaitingUntilMs = Math.Max(WaitingUntilMs ?? untilMs, untilMs);
            AwaitingWindows++;
        }

        public ReconciliationPlan Build() =>
            new([.. _adoptions], [.. _events], [.. _cancellations], [.. _findings]) { WaitingUntilMs = WaitingUntilMs, AwaitingWindows = AwaitingWindows };
    }
}
