using On = Rari.Domain.Orders.OrderEventKind;
using S = Rari.Domain.Orders.OrderStatus;

namespace Rari.Domain.Orders;

/// <summary>
/// The order state machine as data: for every (current status, event kind) pair, what happens. <see cref="Order.Apply"/>
/// reads it after its guards (event for another order, repeated trade id, conflicting venue order id).
/// </summary>
/// <remarks>
/// Every one of the 10 × 10 pairs has exactly one entry. Terminal statuses never move: their rows only ignore
/// (a duplicate of what ended the order, or a stale report that lost a race) or refuse.
/// The vocabulary follows NautilusTrader's order state table, reduced to what Aster has.
/// </remarks>
public static class OrderStateTable
{
    private const string DuplicateInitialized = "duplicate: the order already exists and has this intent";
    private const string DeniedBeforeVenue = "our risk gate denied the order, so the venue never saw it";
    private const string RejectedByVenue = "the venue rejected the order, so it never existed there";
    private const string RiskGateComesFirst = "the risk gate decides before submission, never after";
    private const string AckedNotRejected = "the venue rejects only new orders, never one it has acknowledged";
    private const string StaleCancelRejected = "stale: the cancel lost the race to the order's end (the venue answers -2011 Unknown order)";

    private static readonly OrderTransition[,] Lookup = Build(
    [
        // Initialized: the order exists only on our side, waiting for the risk gate and the gateway.
        (S.Initialized, On.Initialized, Ignore(DuplicateInitialized)),
        (S.Initialized, On.Denied, Move(S.Denied, "the risk gate denied it")),
        (S.Initialized, On.Submitted, Move(S.Submitted, "the gateway sends it")),
        (S.Initialized, On.Accepted, Refuse("the order was never submitted")),
        (S.Initialized, On.Rejected, Refuse("the order was never submitted; our own refusals are OrderDenied")),
        (S.Initialized, On.PendingCancel, Refuse("the order was never submitted, so there is nothing at the venue to cancel; cancel it locally")),
        (S.Initialized, On.CancelRejected, Refuse("the order was never submitted, so no cancel was sent")),
        (S.Initialized, On.Filled, Refuse("the order was never submitted")),

        // The strategy withdrew the order while it waited for the risk gate: a local cancel, nothing was sent.
        (S.Initialized, On.Canceled, Move(S.Canceled, "withdrawn before it was sent")),
        (S.Initialized, On.Expired, Refuse("the order was never submitted, so the venue cannot expire it")),

        // Denied (terminal): our risk gate said no; only a repeat of that is harmless.
        (S.Denied, On.Initialized, Ignore(DuplicateInitialized)),
        (S.Denied, On.Denied, Ignore("duplicate: the order is already denied")),
        (S.Denied, On.Submitted, Refuse(DeniedBeforeVenue)),
        (S.Denied, On.Accepted, Refuse(DeniedBeforeVenue)),
        (S.Denied, On.Rejected, Refuse(DeniedBeforeVenue)),
        (S.Denied, On.PendingCancel, Refuse(DeniedBeforeVenue)),
        (S.Denied, On.CancelRejected, Refuse(DeniedBeforeVenue)),
        (S.Denied, On.Filled, Refuse(DeniedBeforeVenue)),
        (S.Denied, On.Canceled, Refuse(DeniedBeforeVenue)),
        (S.Denied, On.Expired, Refuse(DeniedBeforeVenue)),

        // Submitted: the request is out; the ack may be late, lost, or overtaken by a fill or an expiry.
        (S.Submitted, On.Initialized, Ignore(DuplicateInitialized)),
        (S.Submitted, On.Denied, Refuse(RiskGateComesFirst)),
        (S.Submitted, On.Submitted, Ignore("duplicate: a retried submission of the same order")),
        (S.Submitted, On.Accepted, Move(S.Accepted, "the venue acknowledged it")),
        (S.Submitted, On.Rejected, Move(S.Rejected, "the venue refused the submission")),

        // We may cancel before the ack arrives (a strategy changing its mind quickly).
        (S.Submitted, On.PendingCancel, Move(S.PendingCancel, "cancel sent before the ack")),

        // A second cancel rejection after the first one already restored the order.
        (S.Submitted, On.CancelRejected, Ignore("stale: no cancel is pending")),

        // The ack was lost or is late: the user stream delivered the trade first. The fill carries the venue order id.
        (S.Submitted, On.Filled, Fill("filled before the ack arrived")),

        // A countdown cancel-all or our cancel reached the venue before its ack reached us.
        (S.Submitted, On.Canceled, Move(S.Canceled, "canceled before the ack arrived")),

        // An IOC/FOK that found nothing or a GTX that would have crossed: with newOrderRespType=RESULT the final
        // status is the first answer we get.
        (S.Submitted, On.Expired, Move(S.Expired, "expired before the ack arrived")),

        // Accepted: resting at the venue or waiting for its trigger.
        (S.Accepted, On.Initialized, Ignore(DuplicateInitialized)),
        (S.Accepted, On.Denied, Refuse(RiskGateComesFirst)),

        // A retry whose original already got through: the venue keeps one order per client id.
        (S.Accepted, On.Submitted, Ignore("duplicate: a retried submission of an order the venue already acknowledged")),
        (S.Accepted, On.Accepted, Ignore("duplicate: the order is already acknowledged (REST answer and user stream both report it)")),
        (S.Accepted, On.Rejected, Refuse(AckedNotRejected)),
        (S.Accepted, On.PendingCancel, Move(S.PendingCancel, "cancel sent")),
        (S.Accepted, On.CancelRejected, Ignore("stale: no cancel is pending")),
        (S.Accepted, On.Filled, Fill("filled")),

        // Not only our cancels: countdownCancelAll and the venue itself cancel orders without a request of ours.
        (S.Accepted, On.Canceled, Move(S.Canceled, "canceled without a pending request (cancel-all, countdown or the venue)")),

        // Self-trade prevention, or a reduce-only order whose position is gone.
        (S.Accepted, On.Expired, Move(S.Expired, "expired by the venue")),

        // PartiallyFilled: some quantity executed, the rest still works.
        (S.PartiallyFilled, On.Initialized, Ignore(DuplicateInitialized)),
        (S.PartiallyFilled, On.Denied, Refuse(RiskGateComesFirst)),
        (S.PartiallyFilled, On.Submitted, Ignore("duplicate: a retried submission of an order that is already filling")),

        // The trade overtook the ack; the late ack adds nothing.
        (S.PartiallyFilled, On.Accepted, Ignore("stale: the order is already filling")),
        (S.PartiallyFilled, On.Rejected, Refuse(AckedNotRejected)),
        (S.PartiallyFilled, On.PendingCancel, Move(S.PendingCancel, "cancel sent for the rest")),
        (S.PartiallyFilled, On.CancelRejected, Ignore("stale: no cancel is pending")),
        (S.PartiallyFilled, On.Filled, Fill("filled further")),
        (S.PartiallyFilled, On.Canceled, Move(S.Canceled, "the rest was canceled")),

        // The unfilled rest of an IOC order expires.
        (S.PartiallyFilled, On.Expired, Move(S.Expired, "the rest expired")),

        // PendingCancel: we asked to cancel; until the venue answers, the order can still fill.
        (S.PendingCancel, On.Initialized, Ignore(DuplicateInitialized)),
        (S.PendingCancel, On.Denied, Refuse(RiskGateComesFirst)),
        (S.PendingCancel, On.Submitted, Ignore("duplicate: a retried submission while the cancel is pending")),

        // The cancel may have overtaken the ack (cancel sent while Submitted): keep waiting for the cancel, but
        // remember the order was acknowledged so that a failed cancel returns to Accepted.
        (S.PendingCancel, On.Accepted, AcknowledgeDuringCancel("an acknowledgement while the cancel is pending")),

        // Cancel sent while Submitted, then the submission itself failed.
        (S.PendingCancel, On.Rejected, RejectDuringCancel("the submission failed while the cancel was pending")),
        (S.PendingCancel, On.PendingCancel, Ignore("duplicate: the cancel is already pending")),

        // The venue refused the cancel (the order is busy or unknown): the order goes on as before.
        (S.PendingCancel, On.CancelRejected, RestoreBeforeCancel("the cancel was refused")),

        // The fill raced the cancel and won: the order is filling (or done), whatever the cancel will say.
        (S.PendingCancel, On.Filled, Fill("filled while the cancel was pending")),
        (S.PendingCancel, On.Canceled, Move(S.Canceled, "the cancel succeeded")),

        // The order expired on its own before the cancel arrived.
        (S.PendingCancel, On.Expired, Move(S.Expired, "expired while the cancel was pending")),

        // Rejected (terminal): the venue created nothing.
        (S.Rejected, On.Initialized, Ignore(DuplicateInitialized)),
        (S.Rejected, On.Denied, Refuse(RejectedByVenue)),
        (S.Rejected, On.Submitted, Refuse(RejectedByVenue + "; a new attempt needs a new client order id")),
        (S.Rejected, On.Accepted, Refuse(RejectedByVenue + "; the reports contradict each other, reconcile")),
        (S.Rejected, On.Rejected, Ignore("duplicate: the order is already rejected")),
        (S.Rejected, On.PendingCancel, Refuse(RejectedByVenue)),

        // Cancel sent while Submitted, the submission failed, then the cancel found no order.
        (S.Rejected, On.CancelRejected, Ignore(StaleCancelRejected)),
        (S.Rejected, On.Filled, Refuse(RejectedByVenue + "; the reports contradict each other, reconcile")),
        (S.Rejected, On.Canceled, Refuse(RejectedByVenue)),
        (S.Rejected, On.Expired, Refuse(RejectedByVenue)),

        // Filled (terminal): every unit executed.
        (S.Filled, On.Initialized, Ignore(DuplicateInitialized)),
        (S.Filled, On.Denied, Refuse("the order is filled")),
        (S.Filled, On.Submitted, Refuse("the order is filled; a new attempt needs a new client order id")),

        // The trades overtook the ack.
        (S.Filled, On.Accepted, Ignore("stale: the order is already filled")),
        (S.Filled, On.Rejected, Refuse("the order is filled; the reports contradict each other, reconcile")),
        (S.Filled, On.PendingCancel, Refuse("the order is filled; there is nothing left to cancel")),

        // We asked to cancel, the last fill won the race, and the venue answered -2011 Unknown order.
        (S.Filled, On.CancelRejected, Ignore(StaleCancelRejected)),

        // A repeated trade id never gets here (it is ignored as a duplicate first); a new trade would exceed the quantity.
        (S.Filled, On.Filled, Refuse("the order is filled; a new trade would exceed its quantity, reconcile")),
        (S.Filled, On.Canceled, Refuse("the order is filled; the venue cannot cancel it, reconcile")),
        (S.Filled, On.Expired, Refuse("the order is filled; the venue cannot expire it, reconcile")),

        // Canceled (terminal).
        (S.Canceled, On.Initialized, Ignore(DuplicateInitialized)),
        (S.Canceled, On.Denied, Refuse("the order is canceled")),
        (S.Canceled, On.Submitted, Refuse("the order is canceled; a new attempt needs a new client order id")),

        // Canceled before the ack reached us; the ack shows up afterwards.
        (S.Canceled, On.Accepted, Ignore("stale: the order is already canceled")),
        (S.Canceled, On.Rejected, Refuse("the order is canceled; the reports contradict each other, reconcile")),
        (S.Canceled, On.PendingCancel, Refuse("the order is canceled; there is nothing left to cancel")),

        // Two cancels were sent (ours and a cancel-all); the second found nothing.
        (S.Canceled, On.CancelRejected, Ignore(StaleCancelRejected)),

        // A new trade after the cancel means our view and the venue's differ: never change a terminal order, reconcile.
        (S.Canceled, On.Filled, Refuse("the order is canceled; a trade after the cancel means the reports disagree, reconcile")),
        (S.Canceled, On.Canceled, Ignore("duplicate: the order is already canceled (REST answer and user stream both report it)")),
        (S.Canceled, On.Expired, Refuse("the order is canceled; it cannot also expire")),

        // Expired (terminal).
        (S.Expired, On.Initialized, Ignore(DuplicateInitialized)),
        (S.Expired, On.Denied, Refuse("the order is expired")),
        (S.Expired, On.Submitted, Refuse("the order is expired; a new attempt needs a new client order id")),

        // An IOC's RESULT answer said EXPIRED before the user stream's NEW arrived.
        (S.Expired, On.Accepted, Ignore("stale: the order is already expired")),
        (S.Expired, On.Rejected, Refuse("the order is expired; the reports contradict each other, reconcile")),
        (S.Expired, On.PendingCancel, Refuse("the order is expired; there is nothing left to cancel")),

        // We asked to cancel the order just as it expired.
        (S.Expired, On.CancelRejected, Ignore(StaleCancelRejected)),
        (S.Expired, On.Filled, Refuse("the order is expired; a trade after the expiry means the reports disagree, reconcile")),
        (S.Expired, On.Canceled, Refuse("the order is expired; it cannot also be canceled")),
        (S.Expired, On.Expired, Ignore("duplicate: the order is already expired (REST answer and user stream both report it)")),
    ]);

    /// <summary>How many entries the table has: one per status and event kind.</summary>
    public static int Count => Lookup.Length;

    /// <summary>The entry for an order in <paramref name="from"/> that receives an event of kind <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value outside the defined enum members.</exception>
    public static OrderTransition Find(OrderStatus from, OrderEventKind kind)
    {
        if (!Enum.IsDefined(from))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "Not a defined order status.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined order event kind.");
        }

        return Lookup[(int)from - 1, (int)kind - 1];
    }

    private static OrderTransition Move(OrderStatus to, string reason) => new(OrderTransitionKind.MoveTo, to, reason);

    private static OrderTransition Fill(string reason) => new(OrderTransitionKind.ApplyFill, null, reason);

    private static OrderTransition RestoreBeforeCancel(string reason) => new(OrderTransitionKind.RestoreBeforeCancel, null, reason);

    private static OrderTransition AcknowledgeDuringCancel(string reason) => new(OrderTransitionKind.AcknowledgeDuringCancel, null, reason);

    private static OrderTransition RejectDuringCancel(string reason) => new(OrderTransitionKind.RejectDuringCancel, null, reason);

    private static OrderTransition Ignore(string reason) => new(OrderTransitionKind.Ignore, null, reason);

    private static OrderTransition Refuse(string reason) => new(OrderTransitionKind.Refuse, null, reason);

    // Lays the rows into a dense array indexed by the enum values, and proves at type load that every pair has
    // exactly one entry, so a gap in the table can never surface as a null at trading time.
    private static OrderTransition[,] Build((OrderStatus From, OrderEventKind On, OrderTransition Then)[] rows)
    {
        var statuses = Enum.GetValues<OrderStatus>();
        var kinds = Enum.GetValues<OrderEventKind>();
        var table = new OrderTransition[statuses.Length, kinds.Length];
        foreach (var (from, on, then) in rows)
        {
            ref var cell = ref table[(int)from - 1, (int)on - 1];
            if (cell is not null)
            {
                throw new InvalidOperationException($"The order state table has two entries for ({from}, {on}).");
            }

            cell = then;
        }

        foreach (var from in statuses)
        {
            foreach (var on in kinds)
            {
                if (table[(int)from - 1, (int)on - 1] is null)
                {
                    throw new InvalidOperationException($"The order state table has no entry for ({from}, {on}).");
                }
            }
        }

        return table;
    }
}
