using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class OrderRateRuleSpecs
{
    private static readonly OrderRateRule Rule = new(RiskSettings.Default);

    private static RuleVerdict Judge(OrderRateUsage usage) =>
        Evaluate(Rule, Request(LimitOrder(Btc, OrderSide.Buy, 0.01m, 50_000m)), Context(10_000m, View(Btc, 50_000m)) with { OrderRate = usage });

    [Fact]
    public void Should_skip_the_check_when_the_usage_is_unknown()
    {
        // act
        var verdict = Judge(OrderRateUsage.Unknown);

        // assert
        Assert.Equal(RuleVerdict.Approve(0.01m, "order-rate usage unknown: not checked"), verdict);
    }

    [Fact]
    public void Should_approve_within_the_share_kept_for_new_exposure()
    {
        // act: 80 % of 1,200 is 960; the 960th order is the last one allowed
        var verdict = Judge(new OrderRateUsage(959, 1_200));

        // assert
        Assert.Equal(RuleVerdict.Approve(0.01m, "959 of 1200 orders used in the window, within the 960 kept for new exposure"), verdict);
    }

    [Fact]
    public void Should_deny_once_the_share_is_used_up()
    {
        // act
        var verdict = Judge(new OrderRateUsage(960, 1_200));

        // assert
        Assert.Equal(
            RuleVerdict.Deny("960 of 1200 orders used in the window; new exposure may use 80% = 960, the rest is kept for exits"),
            verdict);
    }
}
