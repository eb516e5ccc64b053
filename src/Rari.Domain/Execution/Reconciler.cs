using System.Globalization;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Execution;

/// <summary>
/// Compares the gateway's journal with what the venue says and decides, purely, what to journal, what to cancel and
/// what is still open. The exchange gateway runs it on every start and after every user-stream gap; it also settles a
/// single order whose submission or cancel ended in doubt.
/// </summary>
/// <remarks>
/// <para>The venue is the truth about what exists and what filled; the journal is the truth about what we sent. Every
/// event of the plan is proven to apply to the journal's state with <see cref="Order.Apply"/> (in the plan's order), so
/// the actor folds exactly what was decided here. An event the order refuses is a mismatch, never forced.</para>
/// <para>Per journal order, fills always come before the end that follows them (an order cancelled after a missed fill
/// would refuse the fill), and an end is held back while the venue counts more filled quantity than the journal knows.</para>
/// </remarks>
public static partial class Reconciler
{
    /// <summary>Decides what to do so that the journal matches the venue.</summary>
    /// <param name="input">The journal and the venue's answers.</param>
    /// <returns>The plan: adoptions, events, cancels and findings.</returns>
    public static ReconciliationPlan Reconcile(ReconciliationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = new PlanBuilder();
        var journal = new HashSet<ClientOrderId>();
        foreach (var order in input.Orders)
        {
            journal.Add(order.ClientOrderId);
        }

        var fills = FillsByOrder(input.Trades);
        var open = new Dictionary<ClientOrderId, VenueOrderReport>();
        foreach (var report in input.OpenOrders)
        {
            if (ClientOrderId.IsValid(report.ClientOrderId) && journal.Contains(new ClientOrderId(report.ClientOrderId)))
            {
                open.TryAdd(new ClientOrderId(report.ClientOrderId), report);
            }
            else
            {
                SettleUnknown(report, input, fills, plan);
            }
        }

        foreach (var order in input.Orders)
        {
            var id = order.ClientOrderId;
            var lookup = input.Lookups.GetValueOrDefault(id);
            var report = open.GetValueOrDefault(id) ?? (lookup as OrderLookup.Found)?.Report;
            var orderFills = fills.GetValueOrDefault(id) ?? [];
            if (report is null)
            {
                SettleWithoutReport(order, lookup, orderFills, input.Rules, input.InFlight?.Contains(id) == true, plan);
            }
            else
            {
                SettleWithReport(order, report, orderFills, input.Rules, plan);
            }
        }

        return plan.Build();
    }

    /// <summary>
    /// Settles one journal order from what a query by client order id said, without fetching trades: the missing fills
    /// of a report are awaited from the user stream, and the order's end is held back until they arrive.
    /// </summary>
    /// <param name="order">The journal's order.</param>
    /// <param name="lookup">The query's answer.</param>
    /// <param name="rules">The rules (<see cref="ReconciliationRules.TradesComplete"/> is taken as false).</param>
    public static ReconciliationPlan Settle(JournalOrder order, OrderLookup lookup, ReconciliationRules rules)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(rules);
        return Reconcile(new ReconciliationInput(
            [order], [], new Dictionary<ClientOrderId, OrderLookup> { [order.ClientOrderId] = lookup }, [], new HashSet<ClientOrderId>(),
            rules with { TradesComplete = false }));
    }

    // The venue neither lists the order as open nor was it found by a query (or the query failed).
    private static void SettleWithoutReport(
        JournalOrder journal, OrderLookup? lookup, IReadOnlyList<Fill> fills, ReconciliationRules rules, bool inFlight, PlanBuilder plan)
    {
        var order = journal.Order;
        order = ApplyFills(order, fills, plan);
        if (order.Status.IsTerminal() || (inFlight && order.Status == OrderStatus.Submitted))
        {
            return;
        }

        var symbol = order.Symbol;
        var id = order.ClientOrderId;
        switch (lookup)
        {
            case OrderLookup.NotFound notFound when order.VenueOrderId is null:
                var notPlacedAfterMs = journal.SubmittedAtMs + rules.AcceptanceWindowMs;
                if (notFound.AskedAtMs > notPlacedAfterMs)
                {
                    var reason = Text($"not placed: the venue did not know the order {notFound.AskedAtMs - journal.SubmittedAtMs} ms after it was sent, past its acceptance window of {rules.AcceptanceWindowMs} ms");
                    if (plan.Try(ref order, new OrderRejected(symbol, id, NotPlacedCode, reason, order.LastUpdateMs)))
                    {
                        plan.Find(FindingKind.NotPlaced, symbol, id.Value, reason);
                    }
                }
                else
                {
                    plan.Find(FindingKind.Unresolved, symbol, id.Value, Text($"not found yet, but the venue could still accept it until {notPlacedAfterMs} (asked at {notFound.AskedAtMs})"));
                    plan.AwaitWindow(notPlacedAfterMs);
                }

                break;
            case OrderLookup.NotFound:
                // Acknowledged once, neither open now nor known any more: the venue forgets orders that ended without
                // fills. Its fills, if any, came in with the trades above; what is left ended.
                if (plan.Try(ref order, new OrderCanceled(symbol, id, order.LastUpdateMs)))
                {
                    plan.Find(FindingKind.Ended, symbol, id.Value, Text($"venue order {order.VenueOrderId} is neither open nor known to the venue any more: taken as ended with {order.FilledQuantity} filled"));
                }

                break;
            case OrderLookup.Failed failed:
                plan.Find(FindingKind.Unresolved, symbol, id.Value, "the query failed: " + failed.Reason);
                break;
            default:
                plan.Find(FindingKind.Unresolved, symbol, id.Value, "not open at the venue and not looked up");
                break;
        }
    }

    private static void SettleWithReport(JournalOrder journal, VenueOrderReport report, IReadOnlyList<Fill> fills, ReconciliationRules rules, PlanBuilder plan)
    {
        var order = journal.Order;
        var symbol = order.Symbol;
        var id = order.ClientOrderId.Value;
        if (report.Symbol != symbol || (order.VenueOrderId is { } known && known != report.VenueOrderId))
        {
            plan.Find(FindingKind.Mismatch, symbol, id, Text($"the venue reports {report.Symbol} order {report.VenueOrderId}, the journal holds {symbol} order {order.VenueOrderId}"));
            return;
        }

        if (report.Status is not { } venueStatus)
        {
            plan.Find(FindingKind.Mismatch, symbol, id, "the venue reports a status the order model does not know");
            return;
        }

        if (report.IsOpen && order.Status.IsTerminal())
        {
            // Never leave a working order that the journal (and so its strategy) holds as finished.
            plan.Find(FindingKind.Mismatch, symbol, id, Text($"open at the venue ({venueStatus}, {report.ExecutedQuantity} filled) while the journal holds it {order.Status}; cancelling it"));
            plan.Cancel(new OrderCancellation(symbol, id, InJournal: false, "open at the venue while the journal holds it ended"));
            return;
        }

        if (venueStatus != OrderStatus.Rejected && order.VenueOrderId is null
            && plan.Try(ref order, new OrderAccepted(symbol, order.ClientOrderId, report.VenueOrderId, report.CreatedMs)))
        {
            plan.Find(FindingKind.Acknowledged, symbol, id, Text($"the venue holds it as order {report.VenueOrderId} ({venueStatus})"));
        }

        order = ApplyFills(order, fills, plan);
        if (report.ExecutedQuantity > order.FilledQuantity)
        {
            var missing = Text($"the venue counts {report.ExecutedQuantity} filled, the journal knows {order.FilledQuantity}");
            plan.Find(
                rules.TradesComplete ? FindingKind.Mismatch : FindingKind.Unresolved,
                symbol,
                id,
                rules.TradesComplete ? missing + " and the venue's trades do not explain the rest" : missing + "; awaiting the fills");
            return;
        }

        SettleStatus(order, report, venueStatus, plan);
    }

    private static void SettleStatus(Order order, VenueOrderReport report, OrderStatus venueStatus, PlanBuilder plan)
    {
        var symbol = order.Symbol;
        var id = order.ClientOrderId;
        switch (venueStatus)
        {
            case OrderStatus.Accepted or OrderStatus.PartiallyFilled when order.Status == OrderStatus.PendingCancel:
                plan.Find(FindingKind.CancelResent, symbol, id.Value, "the journal holds a cancel as pending but the order is still open at the venue");
                plan.Cancel(new OrderCancellation(symbol, id.Value, InJournal: true, "the pending cancel never took effect"));
                break;
            case OrderStatus.Filled when order.Status != OrderStatus.Filled:
                plan.Find(FindingKind.Mismatch, symbol, id.Value, Text($"the venue reports it FILLED with {report.ExecutedQuantity}; the journal holds it {order.Status} with {order.FilledQuantity} of {order.Quantity}"));
                break;
            case OrderStatus.Canceled:
                End(order, new OrderCanceled(symbol, id, report.UpdatedMs), "cancelled", plan);
                break;
            case OrderStatus.Expired:
                End(order, new OrderExpired(symbol, id, report.UpdatedMs), "expired", plan);
                break;
            case OrderStatus.Rejected:
                End(order, new OrderRejected(symbol, id, VenueRejectedCode, "the venue reports the order REJECTED", report.UpdatedMs), "rejected", plan);
                break;
        }
    }

    private static void End(Order order, IOrderEvent end, string how, PlanBuilder plan)
    {
        var filled = order.FilledQuantity;
        if (plan.Try(ref order, end))
        {
            plan.Find(FindingKind.Ended, order.Symbol, order.ClientOrderId.Value, Text($"{how} at the venue with {filled} filled"));
        }
    }

    private static Order ApplyFills(Order order, IReadOnlyList<Fill> fills, PlanBuilder plan)
    {
        var recovered = 0;
        var quantity = 0m;
        foreach (var fill in fills)
        {
            if (plan.Try(ref order, new OrderFilled(fill)))
            {
                recovered++;
                quantity += fill.Quantity;
            }
        }

        if (recovered > 0)
        {
            plan.Find(FindingKind.FillsRecovered, order.Symbol, order.ClientOrderId.Value, Text($"{recovered} missed fill(s) of {quantity} recorded; {order.FilledQuantity} filled now"));
        }

        return order;
    }

    // Oldest first, so the order folds them as they happened.
    private static Dictionary<ClientOrderId, IReadOnlyList<Fill>> FillsByOrder(IReadOnlyList<Fill> trades)
    {
        var byOrder = new Dictionary<ClientOrderId, List<Fill>>();
        foreach (var fill in trades)
        {
            if (!byOrder.TryGetValue(fill.ClientOrderId, out var list))
            {
                list = [];
                byOrder.Add(fill.ClientOrderId, list);
            }

            list.Add(fill);
        }

        var sorted = new Dictionary<ClientOrderId, IReadOnlyList<Fill>>();
        foreach (var (id, list) in byOrder)
        {
            sorted.Add(id, [.. list.OrderBy(f => f.TimestampMs).ThenBy(f => f.TradeId.Value)]);
        }

        return sorted;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The code of the rejection that records a submission as never placed (the venue's "order does not exist").</summary>
    public const int NotPlacedCode = -2013;

    /// <summary>The code of the rejection that records an order the venue itself reports REJECTED (no error code comes with it).</summary>
    public const int VenueRejectedCode = 0;
}
