using Akka.Actor;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Domain.Market;
using Rari.Domain.Risk;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Risk;

/// <summary>
/// What the gate learns from the rest of the runtime for its rules: the entries still open at the venue after a restart
/// (from the gateway's journal), the order-rate usage of the venue's budget, and the symbols' order books.
/// </summary>
public sealed class RiskGateVenueSpecs(ITestOutputHelper output) : RiskGateSpec(output)
{
    [Fact]
    public void Should_count_the_entries_the_gateway_still_holds_open_after_a_restart_against_the_cap()
    {
        // arrange: two entries of 0.08 BTC at 60,000 rest at the venue from before the restart (one half filled)
        var resting = new OpenEntryOrder(Entry(1, 0.08m, 60_000m, stop: 59_400m).Request.Intent, 0m);
        var halfFilled = new OpenEntryOrder(Entry(2, 0.16m, 60_000m, stop: 59_400m).Request.Intent, 0.08m);
        var (gate, _) = StartGate(openEntries: [resting, halfFilled]);
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));

        // act
        gate.Tell(Entry(3, 0.08m, 60_000m, stop: 59_400m));

        // assert: as if the gate had approved both itself (see RiskGateOrderSpecs), 0.006 BTC is left under the cap
        var third = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        Assert.Equal((RiskVerdictKind.Resized, 0.006m), (third.Verdict, third.Intent.Quantity)); // <--
    }

    [Fact]
    public void Should_take_the_gateways_last_account_view_at_start_instead_of_waiting_for_the_next_publication()
    {
        // arrange: the gate asks the gateway for its status before anything is published on the account topic
        var gate = Sys.ActorOf(Rari.Actors.Risk.RiskGate.Props(
            RiskSettings.Default, Domain.Strategies.Sizing.AssetProfileTable.Default, Catalog, Gateway, Symbols, Mediator, Audit, Options));
        Gateway.ExpectMsg<GetGatewayStatus>(Patience);
        Gateway.Reply(new GatewayStatus(true, [], Account(T0, 10_000m), 0, 0, 0));
        Gateway.ExpectMsg<GetOpenEntryOrders>(Patience);
        Gateway.Reply(new OpenEntryOrders([]));
        gate.Tell(Market(T0, 60_000m));

        // act
        gate.Tell(Entry(1, 0.01m, 60_000m, stop: 59_400m));

        // assert: without a view it would have been denied ("no account view yet")
        Assert.Equal(RiskVerdictKind.Approved, Gateway.ExpectMsg<ApprovedOrder>(Patience).Verdict); // <--
        Assert.Equal(10_000m, Status(gate).Equity);
    }

    [Fact]
    public void Should_deny_entries_beyond_the_order_rate_budget_but_pass_exits_and_free_the_budget_when_the_window_rolls()
    {
        // arrange: 959 of 1,200 orders used; new exposure may use 80 % = 960
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));
        gate.Tell(new OrderRateObserved(959, 1_200));

        // act
        gate.Tell(Entry(1, 0.001m, 60_000m, stop: 59_400m));
        var last = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        gate.Tell(Entry(2, 0.001m, 60_000m, stop: 59_400m));
        var denied = Symbols.ExpectMsg<Domain.Orders.OrderDenied>(Patience);
        gate.Tell(Exit(3, 0.001m));
        var exit = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        gate.Tell(new OrderRateObserved(12, 1_200));
        gate.Tell(Entry(4, 0.001m, 60_000m, stop: 59_400m));
        var afterRoll = Gateway.ExpectMsg<ApprovedOrder>(Patience);

        // assert
        Assert.Equal(RiskVerdictKind.Approved, last.Verdict);
        Assert.Contains(RiskRuleNames.OrderRate, denied.Reason, StringComparison.Ordinal); // <--
        Assert.Contains("960 of 1200", denied.Reason, StringComparison.Ordinal);
        Assert.True(exit.Intent.ReduceOnly);
        Assert.Equal(RiskVerdictKind.Approved, afterRoll.Verdict);
    }

    [Fact]
    public void Should_resize_an_order_to_the_visible_depth_of_a_recent_book_and_ignore_a_stale_one()
    {
        // arrange: 0.04 BTC of asks within 0.5 % of the touch, so 25 % of it (0.01) may be bought
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));
        gate.Tell(new OrderBookChanged(
            Btc, 100, T0, [new BookLevel(59_990m, 0.5m)], [new BookLevel(60_000m, 0.02m), new BookLevel(60_010m, 0.02m)]));

        // act
        gate.Tell(Entry(1, 0.03m, 60_000m, stop: 59_400m));
        var recent = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        gate.Tell(Market(T0 + (10 * Minute), 60_000m));
        gate.Tell(Entry(2, 0.03m, 60_000m, stop: 59_400m));
        var stale = Gateway.ExpectMsg<ApprovedOrder>(Patience);

        // assert
        Assert.Equal((RiskVerdictKind.Resized, 0.01m), (recent.Verdict, recent.Intent.Quantity)); // <--
        Assert.Contains(RiskRuleNames.Depth, recent.VerdictReason, StringComparison.Ordinal);
        Assert.Equal((RiskVerdictKind.Approved, 0.03m), (stale.Verdict, stale.Intent.Quantity));
    }
}
