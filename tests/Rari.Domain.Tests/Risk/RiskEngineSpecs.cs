using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class RiskEngineSpecs
{
    private static readonly RiskEngine Default = RiskEngine.CreateDefault(RiskSettings.Default, AssetProfileTable.Default);

    [Fact]
    public void Should_run_the_built_in_rules_in_their_documented_order()
    {
        // act
        var names = Default.Rules.Select(r => r.Name).ToArray();

        // assert
        Assert.Equal(
            ["trading-state", "order-rate", "price-band", "volatility", "per-trade-risk", "position-risk", "notional-caps", "leverage", "correlation", "depth", "slippage", "liquidation-distance"],
            names);
    }

    [Fact]
    public void Should_feed_each_resize_to_the_next_rule_and_list_every_contribution()
    {
        // arrange
        var seen = new List<decimal>();
        var engine = new RiskEngine(
        [
            new StubRule("cut", (in RiskCheck c) => RuleVerdict.Resize(c.Quantity - 0.2m, "cut to 0.8")),
            new StubRule("look", (in RiskCheck c) => { seen.Add(c.Quantity); return RuleVerdict.Approve(c.Quantity, "fine"); }),
            new StubRule("halve", (in RiskCheck c) => RuleVerdict.Resize(c.Quantity / 2m, "halved")),
        ]);
        var intent = LimitOrder(Btc, OrderSide.Buy, 1m, 50_000m);

        // act
        var verdict = engine.Check(Request(intent), Context(10_000m, View(Btc, 50_000m)));

        // assert
        Assert.Equal(RiskVerdictKind.Resized, verdict.Kind);
        Assert.Equal(0.4m, verdict.NewQuantity);
        Assert.Equal(intent.WithQuantity(0.4m), verdict.Order);
        Assert.Equal([0.8m], seen);
        Assert.Equal("cut: cut to 0.8; then halve: halved", verdict.Reason);
        Assert.Equal(
            [
                new RuleOutcome("cut", RiskVerdictKind.Resized, 1m, 0.8m, "cut to 0.8"),
                new RuleOutcome("look", RiskVerdictKind.Approved, 0.8m, 0.8m, "fine"),
                new RuleOutcome("halve", RiskVerdictKind.Resized, 0.8m, 0.4m, "halved"),
            ],
            verdict.Outcomes);
    }

    [Fact]
    public void Should_stop_at_the_first_denial()
    {
        // arrange
        var reached = false;
        var engine = new RiskEngine(
        [
            new StubRule("cut", (in RiskCheck c) => RuleVerdict.Resize(0.5m, "cut")),
            new StubRule("no", (in RiskCheck c) => RuleVerdict.Deny("not today")),
            new StubRule("late", (in RiskCheck c) => { reached = true; return RuleVerdict.Approve(c.Quantity, "late"); }),
        ]);

        // act
        var verdict = engine.Check(Request(LimitOrder(Btc, OrderSide.Buy, 1m, 50_000m)), Context(10_000m, View(Btc, 50_000m)));

        // assert
        Assert.Equal(RiskVerdictKind.Denied, verdict.Kind);
        Assert.Null(verdict.Order);
        Assert.False(verdict.IsAllowed);
        Assert.Equal("no", verdict.DeniedBy);
        Assert.Equal("no: not today", verdict.Reason);
        Assert.Equal(new RuleOutcome("no", RiskVerdictKind.Denied, 0.5m, 0m, "not today"), verdict.Outcomes[^1]);
        Assert.Equal(2, verdict.Outcomes.Count);
        Assert.False(reached);
    }

    [Fact]
    public void Should_approve_the_intent_itself_when_every_rule_approves()
    {
        // arrange
        var intent = LimitOrder(Btc, OrderSide.Buy, 0.01m, 50_000m);

        // act
        var verdict = Default.Check(Request(intent, stop: 49_000m), Context(10_000m, View(Btc, 50_000m)));

        // assert
        Assert.Equal(RiskVerdictKind.Approved, verdict.Kind);
        Assert.Same(intent, verdict.Order);
        Assert.Null(verdict.NewQuantity);
        Assert.Equal("approved by 12 rules", verdict.Reason);
        Assert.Equal(12, verdict.Outcomes.Count);
    }

    [Fact]
    public void Should_compose_the_built_in_rules_in_order()
    {
        // arrange: 1 BTC asked at 160 % volatility; volatility halves it, then the position cap takes it to 0.2
        var view = View(Btc, 50_000m) with { Volatility = 1.6m };

        // act
        var verdict = Default.Check(Request(LimitOrder(Btc, OrderSide.Buy, 1m, 50_000m), stop: 49_000m), Context(10_000m, view));

        // assert
        Assert.Equal(0.2m, verdict.NewQuantity);
        Assert.Equal(
            "volatility: realized volatility 160% against the 80% target: new exposure 1 scales by 0.5; resized from 1 to 0.5; " +
            "then position-risk: worst-case long notional 25000 USDT at 20x ties up 1250 USDT of margin, above 5% of equity 10000 = 500 USDT; resized from 0.5 to 0.2",
            verdict.Reason);
        Assert.Equal(
            [RiskVerdictKind.Approved, RiskVerdictKind.Approved, RiskVerdictKind.Approved, RiskVerdictKind.Resized, RiskVerdictKind.Approved, RiskVerdictKind.Resized,
             RiskVerdictKind.Approved, RiskVerdictKind.Approved, RiskVerdictKind.Approved, RiskVerdictKind.Approved, RiskVerdictKind.Approved, RiskVerdictKind.Approved],
            verdict.Outcomes.Select(o => o.Kind));
    }

    public static TheoryData<OrderIntent, string> ExposureSafeOrders => new()
    {
        { MarketOrder(Btc, OrderSide.Sell, 1_000m, reduceOnly: true), "reduce-only: it cannot add exposure, so it passes every rule" },
        {
            OrderIntent.Create(new ClientOrderId("rari-grid-BTCUSDT-000009"), Strategy, Btc.Symbol, OrderSide.Sell, OrderType.StopMarket, null, stopPrice: 45_000m, closePosition: true),
            "closes the whole position: it cannot add exposure, so it passes every rule"
        },
        { MarketOrder(Btc, OrderSide.Sell, 1_000m, positionSide: PositionSide.Long), "closes the LONG leg: it cannot add exposure, so it passes every rule" },
        { LimitOrder(Btc, OrderSide.Buy, 1_000m, 90_000m, positionSide: PositionSide.Short), "closes the SHORT leg: it cannot add exposure, so it passes every rule" },
    };

    [Theory]
    [MemberData(nameof(ExposureSafeOrders))]
    public void Should_pass_reduce_only_and_closing_orders_unchanged_even_when_halted(OrderIntent intent, string reason)
    {
        // arrange: halted everywhere, 10 USDT of equity, and an order far larger than any cap
        var view = View(Btc, 50_000m) with { TradingState = TradingState.Halted };
        var context = Context(10m, view) with { GlobalTradingState = TradingState.Halted, OrderRate = new OrderRateUsage(1_200, 1_200) };

        // act
        var verdict = Default.Check(Request(intent), context);

        // assert
        Assert.Equal(RiskVerdictKind.Approved, verdict.Kind);
        Assert.Same(intent, verdict.Order);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal([new RuleOutcome("gate", RiskVerdictKind.Approved, intent.Quantity ?? 0m, intent.Quantity ?? 0m, reason)], verdict.Outcomes);
    }

    [Fact]
    public void Should_deny_new_exposure_when_halted()
    {
        // act
        var verdict = Default.Check(
            Request(LimitOrder(Btc, OrderSide.Buy, 0.01m, 50_000m), stop: 49_000m),
            Context(10_000m, View(Btc, 50_000m)) with { GlobalTradingState = TradingState.Halted });

        // assert
        Assert.Equal(RiskVerdictKind.Denied, verdict.Kind);
        Assert.Equal("trading-state: all trading is halted: only reduce-only and closing orders pass", verdict.Reason);
    }

    [Fact]
    public void Should_deny_an_order_in_a_symbol_the_context_does_not_know()
    {
        // act
        var verdict = Default.Check(Request(LimitOrder(Eth, OrderSide.Buy, 1m, 2_000m)), Context(10_000m, View(Btc, 50_000m)));

        // assert
        Assert.Equal(RiskVerdictKind.Denied, verdict.Kind);
        Assert.Equal("gate", verdict.DeniedBy);
        Assert.Equal("gate: no market view of ETHUSDT: its mark price and rules are unknown", verdict.Reason);
    }

    [Theory]
    [InlineData(1.5, RiskVerdictKind.Resized)]
    [InlineData(0.9, RiskVerdictKind.Approved)]
    [InlineData(0, RiskVerdictKind.Resized)]
    public void Should_refuse_a_rule_that_breaks_its_contract(double answer, RiskVerdictKind kind)
    {
        // arrange: a rule that resizes up, approves another quantity, or resizes to nothing
        var engine = new RiskEngine([new StubRule("rogue", (in RiskCheck c) => new RuleVerdict(kind, (decimal)answer, "rogue"))]);

        // act
        var error = Record.Exception(() => engine.Check(Request(LimitOrder(Btc, OrderSide.Buy, 1m, 50_000m)), Context(10_000m, View(Btc, 50_000m))));

        // assert
        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public void Should_refuse_two_rules_with_one_name()
    {
        // act
        var error = Record.Exception(() => new RiskEngine([new StubRule("a", (in RiskCheck c) => default), new StubRule("a", (in RiskCheck c) => default)]));

        // assert
        Assert.IsType<ArgumentException>(error);
    }

    [Fact]
    public void Should_compose_every_rule_on_a_busy_account_the_same_way_every_time()
    {
        // arrange: three symbols, a book, a correlation, every rule doing real work and three of them resizing
        var btc = View(Btc, 50_000m, 20, Position(Btc, 0.05m, 49_000m, 50_000m)) with
        {
            Volatility = 1.2m,
            AverageTrueRange = 40m,
            Book = Book(Btc.Symbol, [(49_999.9m, 1m), (49_990m, 2m)], [(50_000m, 0.5m), (50_010m, 1m), (50_100m, 3m)]),
        };
        var eth = View(Eth, 2_500m, 20, Position(Eth, 2m, 2_400m, 2_500m));
        var context = Context(10_000m, btc, eth, View(Sol, 100m)) with
        {
            Correlations = new CorrelationTable([new(Btc.Symbol, Eth.Symbol, 0.8m)]),
            OrderRate = new OrderRateUsage(10, 1_200),
        };
        var request = Request(MarketOrder(Btc, OrderSide.Buy, 0.3m), stop: 49_000m);

        // act
        var first = Default.Check(request, context);
        var again = Default.Check(request, context);

        // assert (how fast a check runs is measured by the benchmarks, not asserted here)
        Assert.Equal(0.05m, first.NewQuantity);
        Assert.Equal(first.Reason, again.Reason);
        Assert.Equal(first.NewQuantity, again.NewQuantity);
    }

    private delegate RuleVerdict Judge(in RiskCheck check);

    private sealed class StubRule(string name, Judge judge) : IRiskRule
    {
        public string Name { get; } = name;

        public RuleVerdict Evaluate(in RiskCheck check) => judge(check);
    }
}
