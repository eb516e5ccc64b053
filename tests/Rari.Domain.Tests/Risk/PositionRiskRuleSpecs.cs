using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class PositionRiskRuleSpecs
{
    private static readonly PositionRiskRule Rule = new(RiskSettings.Default);

    private static RuleVerdict Judge(OrderIntent intent, decimal position = 0m, decimal openBuys = 0m)
    {
        var view = View(Btc, 50_000m, 20, Position(Btc, position, 50_000m, 50_000m)) with { OpenBuyNotional = openBuys };
        return Evaluate(Rule, Request(intent), Context(10_000m, view));
    }

    [Fact]
    public void Should_approve_margin_at_risk_within_the_limit()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m));

        // assert
        Assert.Equal(
            RuleVerdict.Approve(0.1m, "worst-case long notional 5000 USDT at 20x ties up 250 USDT of margin, within 5% of equity 10000 = 500 USDT"),
            verdict);
    }

    [Fact]
    public void Should_count_the_position_and_resting_entries_and_resize_to_the_limit()
    {
        // act: 5,000 held + 2,000 resting + 5,000 asked = 12,000 at 20x = 600 > 500 → 3,000 of room
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), position: 0.1m, openBuys: 2_000m);

        // assert
        Assert.Equal(
            RuleVerdict.Resize(0.06m, "worst-case long notional 12000 USDT at 20x ties up 600 USDT of margin, above 5% of equity 10000 = 500 USDT; resized from 0.1 to 0.06"),
            verdict);
    }

    [Fact]
    public void Should_deny_when_the_position_already_uses_the_limit()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.01m, 50_000m), position: 0.2m);

        // assert
        Assert.Equal(
            RuleVerdict.Deny("worst-case long notional 10500 USDT at 20x ties up 525 USDT of margin, above 5% of equity 10000 = 500 USDT; no quantity fits"),
            verdict);
    }

    [Fact]
    public void Should_give_an_order_that_first_closes_an_opposite_position_that_much_more_room()
    {
        // act: short 0.1 and buy 0.3 → long 0.2 = 10,000 at 20x = 500, exactly the limit
        var verdict = Judge(MarketOrder(Btc, OrderSide.Buy, 0.3m), position: -0.1m);

        // assert
        Assert.Equal(
            RuleVerdict.Approve(0.3m, "worst-case long notional 10000 USDT at 20x ties up 500 USDT of margin, within 5% of equity 10000 = 500 USDT"),
            verdict);
    }
}
