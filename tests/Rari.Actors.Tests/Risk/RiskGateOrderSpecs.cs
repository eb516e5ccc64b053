using Akka.Actor;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Risk;

/// <summary>The gate's pre-trade verdicts: approve, resize and deny, each routed, counted and audited.</summary>
public sealed class RiskGateOrderSpecs(ITestOutputHelper output) : RiskGateSpec(output)
{
    [Fact]
    public void Should_approve_an_order_within_limits_and_audit_the_verdict()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));
        var order = Entry(1, 0.01m, 60_000m, stop: 59_400m);

        // act
        gate.Tell(order);

        // assert
        var approved = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        Assert.Equal(order.Request.Intent, approved.Intent);
        Assert.Equal(RiskVerdictKind.Approved, approved.Verdict);
        Assert.Equal("rung 1", approved.Reason);
        var entry = Assert.Single(Audit.Entries);
        Assert.Equal(AuditKind.Verdict, entry.Kind);
        Assert.Equal(order.Request.Intent.ClientOrderId, entry.ClientOrderId);
        Assert.Equal(T0, entry.TimestampMs);
        Assert.StartsWith("Approved BUY LIMIT 0.01 BTCUSDT @ 60000: approved by 12 rules", entry.Detail, StringComparison.Ordinal);
        Symbols.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Should_resize_an_order_over_the_position_cap_to_fit_it()
    {
        // arrange: 1 BTC at 60,000 and 20x ties up 3,000 USDT of margin; the cap is 5 % of 10,000 = 500 USDT
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));

        // act
        gate.Tell(Entry(1, 1m, 60_000m, stop: 59_400m));

        // assert: 500 × 20 / 60,000 = 0.1666…, down to the step
        var approved = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        Assert.Equal(RiskVerdictKind.Resized, approved.Verdict);
        Assert.Equal(0.166m, approved.Intent.Quantity);
        Assert.Contains(RiskRuleNames.PositionRisk, approved.VerdictReason, StringComparison.Ordinal);
        Assert.StartsWith("Resized BUY LIMIT 1 BTCUSDT @ 60000 to 0.166: position-risk:", Assert.Single(Audit.Entries).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_deny_an_order_when_the_position_is_already_over_its_cap()
    {
        // arrange: 0.2 BTC held ties up 600 USDT, above the 500 USDT cap; its mark comes with the account view
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m, Position(0.2m, 60_000m, 60_000m)));
        var order = Entry(1, 0.01m, 60_000m, stop: 59_400m);

        // act
        gate.Tell(order);

        // assert
        var denied = Symbols.ExpectMsg<OrderDenied>(Patience);
        Assert.Equal(order.Request.Intent.ClientOrderId, denied.ClientOrderId);
        Assert.StartsWith("position-risk: worst-case long notional 12600", denied.Reason, StringComparison.Ordinal);
        Assert.Equal(T0, denied.TimestampMs);
        Assert.Contains("Denied BUY LIMIT 0.01 BTCUSDT @ 60000 by position-risk", Assert.Single(Audit.Entries).Detail, StringComparison.Ordinal);
        Gateway.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Should_deny_entries_before_the_first_account_view_but_let_reduce_only_orders_pass()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Market(T0, 60_000m));

        // act
        gate.Tell(Entry(1, 0.01m, 60_000m, stop: 59_400m));
        gate.Tell(Exit(2, 0.01m));

        // assert
        var denied = Symbols.ExpectMsg<OrderDenied>(Patience);
        Assert.StartsWith("gate: no account view yet", denied.Reason, StringComparison.Ordinal);
        var approved = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        Assert.True(approved.Intent.ReduceOnly);
        Assert.Equal(RiskVerdictKind.Approved, approved.Verdict);
    }

    [Fact]
    public void Should_count_approved_resting_entries_against_the_cap_until_they_end()
    {
        // arrange: each entry of 0.08 BTC at 60,000 ties up 240 USDT; two fit under the 500 USDT cap
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));
        var first = Entry(1, 0.08m, 60_000m, stop: 59_400m);
        gate.Tell(first);
        gate.Tell(Entry(2, 0.08m, 60_000m, stop: 59_400m));
        Gateway.ExpectMsg<ApprovedOrder>(o => o.Verdict == RiskVerdictKind.Approved, Patience);
        Gateway.ExpectMsg<ApprovedOrder>(o => o.Verdict == RiskVerdictKind.Approved, Patience);

        // act: a third while both rest, then a fourth once the first is cancelled
        gate.Tell(Entry(3, 0.08m, 60_000m, stop: 59_400m));
        var third = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        gate.Tell(Canceled(first, T0 + 1));
        gate.Tell(Entry(4, 0.006m, 60_000m, stop: 59_400m));
        var fourth = Gateway.ExpectMsg<ApprovedOrder>(Patience);

        // assert: 9,600 USDT rest, so 400 USDT (0.006 BTC) is left for the third; the cancel frees 4,800 USDT
        Assert.Equal(RiskVerdictKind.Resized, third.Verdict);
        Assert.Equal(0.006m, third.Intent.Quantity);
        Assert.Equal(RiskVerdictKind.Approved, fourth.Verdict); // <-- the cancelled entry no longer counts
    }

    [Fact]
    public void Should_take_fills_off_the_resting_entries()
    {
        // arrange: 0.16 BTC rests (480 USDT of margin), then 0.1 of it fills and the account shows the position
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));
        var resting = Entry(1, 0.16m, 60_000m, stop: 59_400m);
        gate.Tell(resting);
        Gateway.ExpectMsg<ApprovedOrder>(Patience);
        gate.Tell(Filled(resting, 0.1m, T0 + 1));
        gate.Tell(Account(T0 + 1, 10_000m, Position(0.1m, 60_000m, 60_000m)));

        // act
        gate.Tell(Entry(2, 0.01m, 60_000m, stop: 59_400m));

        // assert: 0.1 held + 0.06 resting + 0.01 = 10,200 USDT → 510 USDT, above the cap: resized to what is left
        var approved = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        Assert.Equal(RiskVerdictKind.Resized, approved.Verdict);
        Assert.Equal(0.006m, approved.Intent.Quantity);
    }

    [Fact]
    public void Should_count_exposure_in_symbols_whose_bars_move_together_against_one_cap()
    {
        // arrange: 1.5 ETH long ties up 225 USDT; 0.1 BTC would tie up 300 more, 525 together against the 500 USDT cap
        var (gate, _) = StartGate(options: Options with { CorrelationWindow = 3 });
        gate.Tell(Account(T0, 10_000m, Position(1.5m, 3_000m, 3_000m, Eth)));
        gate.Tell(Market(T0, 60_000m));
        var before = Entry(1, 0.1m, 60_000m, stop: 59_400m);
        gate.Tell(before);
        Assert.Equal(RiskVerdictKind.Approved, Gateway.ExpectMsg<ApprovedOrder>(Patience).Verdict); // nothing known to correlate yet
        gate.Tell(Canceled(before, T0));

        // act: three bars in which both move alike, then the same order
        decimal[] returns = [0.01m, -0.005m, 0.008m];
        for (var i = 0; i < returns.Length; i++)
        {
            gate.Tell(Market(T0 + ((i + 1) * Minute), 60_000m, returns[i]));
            gate.Tell(Market(T0 + ((i + 1) * Minute), 3_000m, returns[i], Eth));
        }

        gate.Tell(Entry(2, 0.1m, 60_000m, stop: 59_400m));

        // assert: (500 − 225) × 20 = 5,500 USDT of BTC fits: 0.0916…, down to the step
        var approved = Gateway.ExpectMsg<ApprovedOrder>(Patience);
        Assert.Equal(RiskVerdictKind.Resized, approved.Verdict);
        Assert.Equal(0.091m, approved.Intent.Quantity);
        Assert.StartsWith("correlation: long exposure correlated with BTCUSDT (ETHUSDT 1)", approved.VerdictReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_deny_an_order_in_a_symbol_without_a_mark()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));

        // act
        gate.Tell(Entry(1, 0.1m, 3_000m, stop: 2_950m, symbol: Eth));

        // assert
        var denied = Symbols.ExpectMsg<OrderDenied>(Patience);
        Assert.Equal("gate: no market view of ETHUSDT: its mark price and rules are unknown", denied.Reason);
    }

    [Fact]
    public void Should_count_its_verdicts_in_the_status()
    {
        // arrange
        var (gate, _) = StartGate();
        gate.Tell(Account(T0, 10_000m));
        gate.Tell(Market(T0, 60_000m));

        // act
        gate.Tell(Entry(1, 0.01m, 60_000m, stop: 59_400m));
        gate.Tell(Entry(2, 1m, 60_000m, stop: 59_400m));
        gate.Tell(Entry(3, 0.01m, 60_000m, stop: 61_000m));
        var status = Status(gate);

        // assert
        Assert.Equal((1L, 1L, 1L), (status.Approved, status.Resized, status.Denied));
        Assert.Equal(10_000m, status.Equity);
        Assert.StartsWith("per-trade-risk: the stop 61000 is not below the BUY entry 60000", Symbols.ExpectMsg<OrderDenied>(Patience).Reason, StringComparison.Ordinal);
    }
}
