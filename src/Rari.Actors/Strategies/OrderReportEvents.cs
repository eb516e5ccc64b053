using Rari.Actors.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Actors.Strategies;

/// <summary>
/// Turns the gateway's <see cref="OrderStatusReport"/>s into the Domain order events a strategy understands, so that the
/// truth about orders it missed (while it was down, or when an event was lost) reaches it through the same
/// <c>OnOrderEvent</c> path as the live stream.
/// </summary>
/// <remarks>
/// <para>Per report, in this order:</para>
/// <list type="bullet">
/// <item><see cref="OrderStatusReport.Status"/> null: the gateway never received the order (lost between the strategy
/// and the gateway, e.g. in a crash); it refuses the order if it ever arrives, so the strategy treats it as
/// <see cref="OrderDenied"/>.</item>
/// <item>Every fill as <see cref="OrderFilled"/>. Fills the strategy already has are absorbed by it (by trade id), so
/// repeating them is harmless. The venue's order quantity is not passed on: no strategy places closePosition orders,
/// and for any other order the intent's quantity is the one a fill is booked against.</item>
/// <item>A terminal status as <see cref="OrderCanceled"/>, <see cref="OrderExpired"/>, <see cref="OrderRejected"/> or
/// <see cref="OrderDenied"/> (Filled needs nothing beyond its fills). Open statuses add nothing.</item>
/// </list>
/// <para>Fills keep their own execution times; the other events carry <c>nowMs</c>, the host's market time, because a
/// report does not say when the order ended.</para>
/// </remarks>
public static class OrderReportEvents
{
    /// <summary>The reason an order the gateway never received is denied with.</summary>
    public const string LostReason = "lost before reaching the gateway: it never received the order and will refuse it if it arrives";

    /// <summary>Appends the events of every report of <paramref name="reports"/> to <paramref name="events"/>, reports in order.</summary>
    /// <param name="reports">The gateway's answer.</param>
    /// <param name="nowMs">Market time to stamp the events that have no time of their own, UTC epoch milliseconds.</param>
    /// <param name="events">Where the events go.</param>
    public static void AddTo(OrderReports reports, long nowMs, List<IOrderEvent> events)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var report in reports.Reports)
        {
            AddTo(reports.Symbol, report, nowMs, events);
        }
    }

    /// <summary>Appends the events of one report to <paramref name="events"/>.</summary>
    /// <param name="symbol">The report's symbol.</param>
    /// <param name="report">What the gateway knows of the order.</param>
    /// <param name="nowMs">Market time to stamp the events that have no time of their own, UTC epoch milliseconds.</param>
    /// <param name="events">Where the events go.</param>
    public static void AddTo(Symbol symbol, OrderStatusReport report, long nowMs, List<IOrderEvent> events)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(events);
        var id = report.ClientOrderId;
        if (report.Status is not { } status)
        {
            events.Add(new OrderDenied(symbol, id, LostReason, nowMs));
            return;
        }

        foreach (var fill in report.Fills)
        {
            events.Add(new OrderFilled(fill));
        }

        switch (status)
        {
            case OrderStatus.Canceled:
                events.Add(new OrderCanceled(symbol, id, nowMs));
                break;
            case OrderStatus.Expired:
                events.Add(new OrderExpired(symbol, id, nowMs));
                break;
            case OrderStatus.Rejected:
                events.Add(new OrderRejected(symbol, id, 0, report.Detail ?? "rejected by the venue (found by the order sync)", nowMs));
                break;
            case OrderStatus.Denied:
                events.Add(new OrderDenied(symbol, id, report.Detail ?? "denied by the risk gate (found by the order sync)", nowMs));
                break;
        }
    }
}
