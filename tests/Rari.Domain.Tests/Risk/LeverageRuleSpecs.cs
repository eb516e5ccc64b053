using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using Rari.Domain.Strategies.Sizing;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class LeverageRuleSpecs
{
    private static readonly LeverageRule Rule = new(AssetProfileTable.Default);

    [Fact]
    public void Should_approve_within_the_assets_leverage_and_the_venues_bracket()
    {
        // act
        var verdict = Evaluate(Rule, Request(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m)), Context(10_000m, View(Btc, 50_000m)));

        // assert
        Assert.Equal(
            RuleVerdict.Approve(0.1m, "worst-case long notional 5000 USDT against 50x equity 10000 = 500000 USDT; the venue allows 100000000 USDT at 20x"),
            verdict);
    }

    [Fact]
    public void Should_deny_new_exposure_while_the_symbol_is_set_above_the_assets_leverage()
    {
        // act: the table allows BTC 50x
        var verdict = Evaluate(Rule, Request(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m)), Context(10_000m, View(Btc, 50_000m, leverage: 75)));

        // assert
        Assert.Equal(RuleVerdict.Deny("BTCUSDT is set to 75x, above the asset table's 50x: lower its leverage first"), verdict);
    }

    [Fact]
    public void Should_still_let_an_order_that_only_closes_through_at_too_high_a_leverage()
    {
        // act
        var view = View(Btc, 50_000m, 75, Position(Btc, -0.1m, 50_000m, 50_000m, leverage: 75));
        var verdict = Evaluate(Rule, Request(MarketOrder(Btc, OrderSide.Buy, 0.1m)), Context(10_000m, view));

        // assert
        Assert.Equal(RiskVerdictKind.Approved, verdict.Kind);
    }

    [Fact]
    public void Should_resize_to_the_assets_leverage_times_equity()
    {
        // arrange: SOL is 25x in the table; 20,000 held + 10,000 asked against 25 × 1,000
        var view = View(Sol, 100m, 20, Position(Sol, 200m, 100m, 100m));

        // act
        var verdict = Evaluate(Rule, Request(LimitOrder(Sol, OrderSide.Buy, 100m, 100m)), Context(1_000m, view));

        // assert
        Assert.Equal(
            RuleVerdict.Resize(50m, "worst-case long notional 30000 USDT against 25x equity 1000 = 25000 USDT; resized from 100 to 50"),
            verdict);
    }

    [Fact]
    public void Should_resize_to_what_the_venue_allows_at_the_configured_leverage()
    {
        // arrange: a table allowing BTC 125x; at 100x the brackets allow 600,000 USDT
        var table = new AssetProfileTable([new AssetProfile(Btc.Symbol, 125, StrategyKind.Grid, VolatilityClass.Medium)], AssetProfileTable.Default.Fallback);
        var rule = new LeverageRule(table);

        // act
        var verdict = Evaluate(rule, Request(MarketOrder(Btc, OrderSide.Buy, 13m)), Context(100_000m, View(Btc, 50_000m, leverage: 100)));

        // assert
        Assert.Equal(
            RuleVerdict.Resize(12m, "worst-case long notional 650000 USDT is above what the venue allows 600000 USDT at 100x; resized from 13 to 12"),
            verdict);
    }
}
