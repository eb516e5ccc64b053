using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class PriceBandRuleSpecs
{
    private static readonly PriceBandRule Rule = new(RiskSettings.Default);

    private static RuleVerdict Judge(OrderIntent intent) => Evaluate(Rule, Request(intent), Context(10_000m, View(Btc, 50_000m)));

    [Fact]
    public void Should_pass_orders_without_a_limit_price()
    {
        // act
        var verdict = Judge(MarketOrder(Btc, OrderSide.Buy, 0.01m));

        // assert
        Assert.Equal(RuleVerdict.Approve(0.01m, "not a LIMIT order: no price to check"), verdict);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 40_000, "BUY limit 40000 is 20% below the mark 50000, inside the band")]
    [InlineData(OrderSide.Buy, 50_500, "BUY limit 50500 is 1% above the mark 50000, inside the band")]
    [InlineData(OrderSide.Sell, 60_000, "SELL limit 60000 is 20% above the mark 50000, inside the band")]
    [InlineData(OrderSide.Sell, 49_500, "SELL limit 49500 is 1% below the mark 50000, inside the band")]
    public void Should_approve_prices_inside_the_band_its_edges_included(OrderSide side, int price, string reason)
    {
        // act
        var verdict = Judge(LimitOrder(Btc, side, 0.01m, price));

        // assert
        Assert.Equal(RuleVerdict.Approve(0.01m, reason), verdict);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 50_500.1, "BUY limit 50500.1 is 1.0002% above the mark 50000, crossing it by more than 1%")]
    [InlineData(OrderSide.Sell, 49_499.9, "SELL limit 49499.9 is 1.0002% below the mark 50000, crossing it by more than 1%")]
    [InlineData(OrderSide.Buy, 39_999.9, "BUY limit 39999.9 is 20.0002% below the mark 50000, outside the 20% band")]
    [InlineData(OrderSide.Sell, 60_000.1, "SELL limit 60000.1 is 20.0002% above the mark 50000, outside the 20% band")]
    public void Should_deny_prices_that_cross_the_mark_too_far_or_leave_the_band(OrderSide side, double price, string reason)
    {
        // act
        var verdict = Judge(LimitOrder(Btc, side, 0.01m, (decimal)price));

        // assert
        Assert.Equal(RuleVerdict.Deny(reason), verdict);
    }
}
