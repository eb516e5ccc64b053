using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Execution;

/// <summary>What to do with an open order of ours (our client-id prefix) that the journal does not know. Journaled in settings only.</summary>
public enum UnknownOrderPolicy : byte
{
    /// <summary>Cancel it: nobody tracks it, so nobody would manage its fills. The safe default.</summary>
    Cancel = 1,

    /// <summary>Take it into the journal and report its events like any other order.</summary>
    Adopt = 2,
}

/// <summary>One order of the gateway's journal, as reconciliation sees it.</summary>
/// <param name="Order">The order's state, folded from the journal.</param>
/// <param name="SubmittedAtMs">
/// When the submission left, on the venue's clock (the client's estimate of it), UTC epoch milliseconds: a query that
/// does not find the order proves it was never placed only once it is past this plus the acceptance window.
/// </param>
public sealed record JournalOrder(Order Order, long SubmittedAtMs)
{
    /// <summary>The order's client id.</summary>
    public ClientOrderId ClientOrderId => Order.ClientOrderId;
}

/// <summary>The fixed rules of a reconciliation.</summary>
/// <param name="Ids">Recognises our client order ids (the prefix) and reads their strategy back.</param>
/// <param name="UnknownOrders">What to do with an open order of ours the journal does not know.</param>
/// <param name="AcceptanceWindowMs">
/// How long after it was sent the venue may still accept a submission (recvWindow or nonce tolerance, plus the clock
/// uncertainty), in milliseconds.
/// </param>
/// <param name="TradesComplete">
/// True when <see cref="ReconciliationInput.Trades"/> holds every fill the venue has for the orders reconciled (a full
/// reconciliation fetched them): a report that counts more filled quantity than the journal then is a mismatch. False
/// when no trades were fetched (settling one order at run time): the missing fills are awaited from the user stream.
/// </param>
public sealed record ReconciliationRules(ClientOrderIdFactory Ids, UnknownOrderPolicy UnknownOrders, long AcceptanceWindowMs, bool TradesComplete = true);

/// <summary>Everything reconciliation compares: the journal's orders and what the venue says now.</summary>
/// <param name="Orders">The journal's orders, terminal ones included (a missed fill may belong to one of them).</param>
/// <param name="OpenOrders">The venue's open orders of the reconciled symbols.</param>
/// <param name="Lookups">The answers to queries by client order id (see <see cref="Reconciler.OrdersToQuery"/>).</param>
/// <param name="Trades">Our fills as the venue lists them, already named by client order id.</param>
/// <param name="DeclaredLost">Client order ids the gateway declared lost; never adopted.</param>
/// <param name="Rules">The rules.</param>
/// <param name="InFlight">
/// Submissions still under way (their answer or its resolution will settle them): an acknowledgement or fills the venue
/// shows are recorded, but their absence decides nothing.
/// </param>
public sealed record ReconciliationInput(
    IReadOnlyCollection<JournalOrder> Orders,
    IReadOnlyList<VenueOrderReport> OpenOrders,
    IReadOnlyDictionary<ClientOrderId, OrderLookup> Lookups,
    IReadOnlyList<Fill> Trades,
    IReadOnlySet<ClientOrderId> DeclaredLost,
    ReconciliationRules Rules,
    IReadOnlySet<ClientOrderId>? InFlight = null);

/// <summary>What reconciliation found about one order.</summary>
public enum FindingKind : byte
{
    /// <summary>The venue acknowledged an order the journal held as only submitted.</summary>
    Acknowledged = 1,

    /// <summary>Fills the journal missed were recorded.</summary>
    FillsRecovered = 2,

    /// <summary>The order ended at the venue (cancelled, expired, rejected) while the journal held it open.</summary>
    Ended = 3,

    /// <summary>A submission whose outcome was unknown was never placed: not found after its acceptance window.</summary>
    NotPlaced = 4,

    /// <summary>The question is still open (a query failed, or came too early to prove anything); ask again later.</summary>
    Unresolved = 5,

    /// <summary>An open order of ours unknown to the journal is to be cancelled.</summary>
    UnknownCanceled = 6,

    /// <summary>An open order of ours unknown to the journal was adopted.</summary>
    UnknownAdopted = 7,

    /// <summary>A cancel the journal holds as pending never took effect: it is sent again.</summary>
    CancelResent = 8,

    /// <summary>An open order that is not ours (another prefix, a manual order): left alone.</summary>
    Foreign = 9,

    /// <summary>Journal and venue disagree in a way reconciliation cannot settle: a critical error.</summary>
    Mismatch = 10,
}

/// <summary>One line of reconciliation's findings; each becomes an audit entry.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">The order's client id as text (an order that is not ours may not have a valid one).</param>
/// <param name="Detail">The facts, in plain words.</param>
public sealed record ReconciliationFinding(FindingKind Kind, Symbol Symbol, string ClientOrderId, string Detail);

/// <summary>An order to cancel at the venue, named by its client order id.</summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">The client order id as the venue knows it.</param>
/// <param name="InJournal">True when the journal knows the order (the cancel is journaled as pending first).</param>
/// <param name="Reason">Why, for the audit trail.</param>
public sealed record OrderCancellation(Symbol Symbol, string ClientOrderId, bool InJournal, string Reason);

/// <summary>An unknown order of ours taken into the journal.</summary>
/// <param name="Intent">The order as the venue shows it, as an intent.</param>
/// <param name="TimestampMs">When the venue created it, UTC epoch milliseconds.</param>
public sealed record OrderAdoption(OrderIntent Intent, long TimestampMs);

/// <summary>
/// What reconciliation decided: journal the adoptions, then the events (both in order, each already proven to apply),
/// then send the cancels. Unresolved orders need another round; mismatches are critical errors.
/// </summary>
/// <param name="Adoptions">Orders to create in the journal, before <paramref name="Events"/>.</param>
/// <param name="Events">Order events to journal and deliver, in order; every one applies to the journal's state.</param>
/// <param name="Cancellations">Orders to cancel at the venue.</param>
/// <param name="Findings">Everything found, one line per fact, for the audit trail.</param>
public sealed record ReconciliationPlan(
    IReadOnlyList<OrderAdoption> Adoptions,
    IReadOnlyList<IOrderEvent> Events,
    IReadOnlyList<OrderCancellation> Cancellations,
    IReadOnlyList<ReconciliationFinding> Findings)
{
    /// <summary>
    /// When some unresolved orders are unresolved only because their acceptance window is still open (not found yet,
    /// but the venue could still accept them): the latest window end, venue time, UTC epoch milliseconds. Asking again
    /// before it proves nothing; waiting for it is normal after a crash mid-submission, not a failure. Null otherwise.
    /// </summary>
    public long? WaitingUntilMs { get; init; }

    /// <summary>How many of the unresolved orders only wait for their acceptance window to pass.</summary>
    public int AwaitingWindows { get; init; }

    /// <summary>True when there are unresolved orders and every one only waits for its acceptance window to pass.</summary>
    public bool OnlyAwaitsAcceptanceWindows => AwaitingWindows > 0 && AwaitingWindows == Findings.Count(f => f.Kind == FindingKind.Unresolved);

    /// <summary>The orders whose outcome is still open; reconcile again after a pause.</summary>
    public IReadOnlyList<ClientOrderId> Unresolved => [.. Findings.Where(f => f.Kind == FindingKind.Unresolved).Select(f => new ClientOrderId(f.ClientOrderId))];

    /// <summary>The disagreements reconciliation could not settle.</summary>
    public IReadOnlyList<ReconciliationFinding> Mismatches => [.. Findings.Where(f => f.Kind == FindingKind.Mismatch)];

    /// <summary>True when nothing is left open and nothing disagrees.</summary>
    public bool IsSettled => Findings.All(f => f.Kind is not (FindingKind.Unresolved or FindingKind.Mismatch));
}

/// <summary>Which of our fills to fetch for one symbol: from a trade id on, or from a time on.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="FromTradeId">The first trade id to fetch (the one after the last journaled fill), or null.</param>
/// <param name="StartTimeMs">The first time to fetch (venue time) when no fill of the symbol is journaled, or null.</param>
public sealed record TradeQuery(Symbol Symbol, TradeId? FromTradeId, long? StartTimeMs);
