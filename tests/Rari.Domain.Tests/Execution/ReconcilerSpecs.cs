using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.TestKit.TestOrders;

namespace Rari.Domain.Tests.Execution;

/// <summary>
/// <see cref="Reconciler.Reconcile"/> case by case: one row per situation the gateway can find after a crash or a gap,
/// with the events, findings and cancels it must decide.
/// </summary>
public sealed class ReconcilerSpecs
{
    private static readonly OrderIntent Buy = Limit(quantity: 1m, price: 100m, sequence: 1);
    private static readonly OrderIntent Other = Limit(quantity: 2m, price: 99m, sequence: 2);
    private const long Window = 6_000;
    private const long SentAt = 1_000_000;

    public static TheoryData<string> Cases => [.. Table.Keys];

    private static readonly Dictionary<string, Case> Table = new()
    {
        ["submitted, open at the venue → acknowledged"] = new(
            Input([Journal(Buy, Submitted(Buy))], open: [Report(Buy, OrderStatus.Accepted)]),
            ["OrderAccepted"], [FindingKind.Acknowledged]),
        ["accepted, open at the venue as known → nothing to do"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy))], open: [Report(Buy, OrderStatus.Accepted)]),
            [], []),
        ["submitted, not found after the acceptance window → not placed"] = new(
            Input([Journal(Buy, Submitted(Buy))], lookups: [(Buy, new OrderLookup.NotFound(SentAt + Window + 1))]),
            ["OrderRejected"], [FindingKind.NotPlaced]),
        ["submitted, not found within the acceptance window → unresolved"] = new(
            Input([Journal(Buy, Submitted(Buy))], lookups: [(Buy, new OrderLookup.NotFound(SentAt + Window))]),
            [], [FindingKind.Unresolved]),
        ["submitted, query failed → unresolved"] = new(
            Input([Journal(Buy, Submitted(Buy))], lookups: [(Buy, new OrderLookup.Failed("HTTP 503"))]),
            [], [FindingKind.Unresolved]),
        ["submitted, not open and never looked up → unresolved"] = new(
            Input([Journal(Buy, Submitted(Buy))]),
            [], [FindingKind.Unresolved]),
        ["submitted and still in flight, not open → left to its own resolution"] = new(
            Input([Journal(Buy, Submitted(Buy))], inFlight: [Buy.ClientOrderId]),
            [], []),
        ["submitted and still in flight, open at the venue → acknowledged"] = new(
            Input([Journal(Buy, Submitted(Buy))], open: [Report(Buy, OrderStatus.Accepted)], inFlight: [Buy.ClientOrderId]),
            ["OrderAccepted"], [FindingKind.Acknowledged]),
        ["submitted, found filled with its trades → acknowledged and filled"] = new(
            Input([Journal(Buy, Submitted(Buy))], lookups: [(Buy, Found(Buy, OrderStatus.Filled, executed: 1m))], trades: [Trade(Buy, 7, 0.4m), Trade(Buy, 8, 0.6m)]),
            ["OrderAccepted", "OrderFilled", "OrderFilled"], [FindingKind.Acknowledged, FindingKind.FillsRecovered]),
        ["accepted, found filled, trades fetched but missing → mismatch, nothing journaled"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy))], lookups: [(Buy, Found(Buy, OrderStatus.Filled, executed: 1m))]),
            [], [FindingKind.Mismatch]),
        ["accepted, found cancelled without fills → cancelled"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy))], lookups: [(Buy, Found(Buy, OrderStatus.Canceled))]),
            ["OrderCanceled"], [FindingKind.Ended]),
        ["accepted, found cancelled after a missed partial fill → the fill, then the cancel"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy))], lookups: [(Buy, Found(Buy, OrderStatus.Canceled, executed: 0.3m))], trades: [Trade(Buy, 9, 0.3m)]),
            ["OrderFilled", "OrderCanceled"], [FindingKind.FillsRecovered, FindingKind.Ended]),
        ["accepted, found cancelled after a partial fill the trades lack → mismatch, the cancel held back"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy))], lookups: [(Buy, Found(Buy, OrderStatus.Canceled, executed: 0.3m))]),
            [], [FindingKind.Mismatch]),
        ["accepted, found expired → expired"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy))], lookups: [(Buy, Found(Buy, OrderStatus.Expired))]),
            ["OrderExpired"], [FindingKind.Ended]),
        ["submitted, found rejected by the venue → rejected, never acknowledged"] = new(
            Input([Journal(Buy, Submitted(Buy))], lookups: [(Buy, Found(Buy, OrderStatus.Rejected))]),
            ["OrderRejected"], [FindingKind.Ended]),
        ["accepted, neither open nor known any more → ended"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy))], lookups: [(Buy, new OrderLookup.NotFound(SentAt + 1))]),
            ["OrderCanceled"], [FindingKind.Ended]),
        ["accepted, not known any more but its fill is in the trades → filled, nothing more"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy))], lookups: [(Buy, new OrderLookup.NotFound(SentAt + 1))], trades: [Trade(Buy, 5, 1m)]),
            ["OrderFilled"], [FindingKind.FillsRecovered]),
        ["partially filled, open with more filled and the trades explain it → the missed fill"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy), Filled(Buy, 3, 0.2m, 100m))], open: [Report(Buy, OrderStatus.PartiallyFilled, executed: 0.5m)], trades: [Trade(Buy, 3, 0.2m), Trade(Buy, 4, 0.3m)]),
            ["OrderFilled"], [FindingKind.FillsRecovered]),
        ["cancel pending, still open at the venue → the cancel is sent again"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy), PendingCancel(Buy))], open: [Report(Buy, OrderStatus.Accepted)]),
            [], [FindingKind.CancelResent], ["journal:" + Buy.ClientOrderId]),
        ["cancelled in the journal, open at the venue → mismatch and cancel"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy), Canceled(Buy))], open: [Report(Buy, OrderStatus.Accepted)]),
            [], [FindingKind.Mismatch], ["venue:" + Buy.ClientOrderId]),
        ["cancelled in the journal, a trade after it → mismatch, nothing journaled"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy), Canceled(Buy))], trades: [Trade(Buy, 11, 0.5m)]),
            [], [FindingKind.Mismatch]),
        ["filled in the journal, its trades again → nothing"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy), Filled(Buy, 3, 1m, 100m))], trades: [Trade(Buy, 3, 1m)]),
            [], []),
        ["venue order id differs from the journal's → mismatch"] = new(
            Input([Journal(Buy, Submitted(Buy), Accepted(Buy))], open: [Report(Buy, OrderStatus.Accepted, venueId: 777)]),
            [], [FindingKind.Mismatch]),
        ["unknown order of ours, policy cancel → cancelled"] = new(
            Input([], open: [Report(Other, OrderStatus.Accepted, venueId: 50)]),
            [], [FindingKind.UnknownCanceled], ["venue:" + Other.ClientOrderId]),
        ["unknown order of ours, policy adopt → adopted and acknowledged"] = new(
            Input([], open: [Report(Other, OrderStatus.Accepted, venueId: 50)], policy: UnknownOrderPolicy.Adopt),
            ["OrderSubmitted", "OrderAccepted"], [FindingKind.UnknownAdopted], Adoptions: 1),
        ["unknown order of ours partly filled, policy adopt → adopted with its fill"] = new(
            Input([], open: [Report(Other, OrderStatus.PartiallyFilled, venueId: 50, executed: 0.5m)], trades: [Trade(Other, 21, 0.5m, venueId: 50)], policy: UnknownOrderPolicy.Adopt),
            ["OrderSubmitted", "OrderAccepted", "OrderFilled"], [FindingKind.FillsRecovered, FindingKind.UnknownAdopted], Adoptions: 1),
        ["unknown order of ours partly filled without its trades, policy adopt → cancelled"] = new(
            Input([], open: [Report(Other, OrderStatus.PartiallyFilled, venueId: 50, executed: 0.5m)], policy: UnknownOrderPolicy.Adopt),
            [], [FindingKind.UnknownCanceled], ["venue:" + Other.ClientOrderId]),
        ["unknown order the gateway declared lost, policy adopt → cancelled"] = new(
            Input([], open: [Report(Other, OrderStatus.Accepted, venueId: 50)], policy: UnknownOrderPolicy.Adopt, lost: [Other.ClientOrderId]),
            [], [FindingKind.UnknownCanceled], ["venue:" + Other.ClientOrderId]),
        ["open order of another trader → left alone"] = new(
            Input([], open: [Report(Other, OrderStatus.Accepted, venueId: 50) with { ClientOrderId = "web_8a7dbc" }]),
            [], [FindingKind.Foreign]),
        ["the venue's liquidation order → left alone"] = new(
            Input([], open: [Report(Other, OrderStatus.Accepted, venueId: 50) with { ClientOrderId = "autoclose-1747000000000" }]),
            [], [FindingKind.Foreign]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_decide_each_case(string name)
    {
        // arrange
        var expected = Table[name];

        // act
        var plan = Reconciler.Reconcile(expected.Input);

        // assert
        Assert.Equal(expected.Events, plan.Events.Select(e => e.GetType().Name));
        Assert.Equal(expected.Findings, plan.Findings.Select(f => f.Kind));
        Assert.Equal(expected.Cancels ?? [], plan.Cancellations.Select(c => (c.InJournal ? "journal:" : "venue:") + c.ClientOrderId));
        Assert.Equal(expected.Adoptions, plan.Adoptions.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_plan_only_events_that_apply_in_order(string name)
    {
        // arrange
        var input = Table[name].Input;
        var orders = input.Orders.ToDictionary(o => o.ClientOrderId, o => o.Order);

        // act
        var plan = Reconciler.Reconcile(input);

        // assert: the actor folds adoptions, then events, and every one of them must apply
        foreach (var adoption in plan.Adoptions)
        {
            orders.Add(adoption.Intent.ClientOrderId, Order.Create(new OrderInitialized(adoption.Intent, adoption.TimestampMs)));
        }

        foreach (var orderEvent in plan.Events)
        {
            var result = orders[orderEvent.ClientOrderId].Apply(orderEvent);
            Assert.IsType<OrderApplyResult.Applied>(result);
            orders[orderEvent.ClientOrderId] = result.Order;
        }
    }

    [Fact]
    public void Should_settle_the_case_table_as_unresolved_only_for_open_questions()
    {
        // arrange: the rows whose plan leaves something open
        var open = Table.Where(row => Reconciler.Reconcile(row.Value.Input).IsSettled is false).Select(row => row.Key).Order().ToList();

        // assert: exactly the rows with an unresolved or a mismatch finding
        var expected = Table.Where(row => row.Value.Findings.Any(f => f is FindingKind.Unresolved or FindingKind.Mismatch)).Select(row => row.Key).Order().ToList();
        Assert.Equal(expected, open);
        Assert.NotEmpty(open);
    }

    [Fact]
    public void Should_record_a_not_placed_submission_as_rejected_with_the_not_found_code()
    {
        // arrange
        var input = Input([Journal(Buy, Submitted(Buy))], lookups: [(Buy, new OrderLookup.NotFound(SentAt + Window + 1))]);

        // act
        var rejected = Assert.IsType<OrderRejected>(Assert.Single(Reconciler.Reconcile(input).Events));

        // assert
        Assert.Equal((Buy.ClientOrderId, Reconciler.NotPlacedCode), (rejected.ClientOrderId, rejected.Code));
        Assert.Contains("not placed", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_until_when_a_submission_not_found_yet_can_still_be_accepted()
    {
        // arrange: one submission not found inside its window, the other past it
        var input = Input([Journal(Buy, Submitted(Buy))], lookups: [(Buy, new OrderLookup.NotFound(SentAt + 10))]);

        // act
        var plan = Reconciler.Reconcile(input);

        // assert: waiting for the window is the only open question, and the plan says when it ends
        Assert.True(plan.OnlyAwaitsAcceptanceWindows); // <--
        Assert.Equal(1, plan.AwaitingWindows);
        Assert.Equal(SentAt + Window, plan.WaitingUntilMs);
    }

    [Fact]
    public void Should_not_call_a_failed_query_a_wait_for_the_acceptance_window()
    {
        // arrange: a failed query is a real open question, not a matter of time
        var input = Input([Journal(Buy, Submitted(Buy))], lookups: [(Buy, new OrderLookup.Failed("HTTP 503"))]);

        // act
        var plan = Reconciler.Reconcile(input);

        // assert
        Assert.False(plan.OnlyAwaitsAcceptanceWindows);
        Assert.Null(plan.WaitingUntilMs);
    }

    [Fact]
    public void Should_await_missing_fills_when_settling_one_order_without_trades()
    {
        // arrange: the venue counts a fill the user stream has not delivered yet
        var journal = new JournalOrder(Journal(Buy, Submitted(Buy)), SentAt);

        // act
        var plan = Reconciler.Settle(journal, Found(Buy, OrderStatus.Canceled, executed: 0.3m), Rules());

        // assert: acknowledged, but neither mismatch nor the cancel that would refuse the coming fill
        Assert.Equal(["OrderAccepted"], plan.Events.Select(e => e.GetType().Name));
        Assert.Equal([FindingKind.Acknowledged, FindingKind.Unresolved], plan.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void Should_take_an_adopted_order_as_the_venue_shows_it()
    {
        // arrange
        var input = Input([], open: [Report(Other, OrderStatus.Accepted, venueId: 50)], policy: UnknownOrderPolicy.Adopt);

        // act
        var adoption = Assert.Single(Reconciler.Reconcile(input).Adoptions);

        // assert
        Assert.Equal(Other, adoption.Intent);
    }

    internal sealed record Case(
        ReconciliationInput Input,
        string[] Events,
        FindingKind[] Findings,
        string[]? Cancels = null,
        int Adoptions = 0);

    internal static ReconciliationRules Rules(UnknownOrderPolicy policy = UnknownOrderPolicy.Cancel) => new(Ids, policy, Window);

    internal static Order Journal(OrderIntent intent, params IOrderEvent[] events) => ApplyAll(NewOrder(intent), events);

    internal static VenueOrderReport Report(OrderIntent intent, OrderStatus status, long venueId = VenueId, decimal executed = 0m) => new(
        intent.Symbol, intent.ClientOrderId.Value, new VenueOrderId(venueId), status, intent.Side, intent.PositionSide, intent.Type,
        intent.Quantity ?? 0m, executed, intent.Price ?? 0m, intent.StopPrice ?? 0m, intent.TimeInForce, intent.ReduceOnly, intent.ClosePosition,
        CreatedMs: T0 + 3, UpdatedMs: T0 + 100);

    internal static OrderLookup.Found Found(OrderIntent intent, OrderStatus status, decimal executed = 0m) => new(Report(intent, status, executed: executed));

    internal static Fill Trade(OrderIntent intent, long tradeId, decimal quantity, long venueId = VenueId) =>
        Filled(intent, tradeId, quantity, intent.Price ?? 100m, venueOrderId: venueId, timestampMs: T0 + 10 + tradeId).Fill;

    internal static ReconciliationInput Input(
        Order[] journal,
        VenueOrderReport[]? open = null,
        (OrderIntent Intent, OrderLookup Lookup)[]? lookups = null,
        Fill[]? trades = null,
        UnknownOrderPolicy policy = UnknownOrderPolicy.Cancel,
        ClientOrderId[]? lost = null,
        ClientOrderId[]? inFlight = null) => new(
            [.. journal.Select(o => new JournalOrder(o, SentAt))],
            open ?? [],
            (lookups ?? []).ToDictionary(l => l.Intent.ClientOrderId, l => l.Lookup),
            trades ?? [],
            new HashSet<ClientOrderId>(lost ?? []),
            Rules(policy),
            new HashSet<ClientOrderId>(inFlight ?? []));
}
