using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class VolatilityRuleSpecs
{
    private static readonly VolatilityRule Rule = new(RiskSettings.Default);

    private static RuleVerdict Judge(OrderIntent intent, decimal? volatility, decimal position = 0m, decimal mark = 50_000m)
    {
        var instrument = intent.Symbol == Eth.Symbol ? Eth : Btc;
        var view = View(instrument, mark, 20, Position(instrument, position, mark, mark)) with { Volatility = volatility };
        return Evaluate(Rule, Request(intent), Context(10_000m, view));
    }

    [Fact]
    public void Should_leave_the_size_alone_while_volatility_is_unknown()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), null);

        // assert
        Assert.Equal(RuleVerdict.Approve(0.1m, "realized volatility unknown: size not scaled"), verdict);
    }

    [Theory]
    [InlineData(0.6, "realized volatility 60% against the 80% target: full size")]
    [InlineData(0.8, "realized volatility 80% against the 80% target: full size")]
    public void Should_keep_full_size_at_or_below_the_target(double volatility, string reason)
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), (decimal)volatility);

        // assert
        Assert.Equal(RuleVerdict.Approve(0.1m, reason), verdict);
    }

    [Fact]
    public void Should_scale_new_exposure_by_target_over_realized()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), 1.6m);

        // assert
        Assert.Equal(
            RuleVerdict.Resize(0.05m, "realized volatility 160% against the 80% target: new exposure 0.1 scales by 0.5; resized from 0.1 to 0.05"),
            verdict);
    }

    [Fact]
    public void Should_never_scale_the_part_that_closes_the_position()
    {
        // act: short 0.04, so a buy of 0.1 closes 0.04 and opens 0.06, of which half stays
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), 1.6m, position: -0.04m);

        // assert
        Assert.Equal(
            RuleVerdict.Resize(0.07m, "realized volatility 160% against the 80% target: new exposure 0.06 scales by 0.5; resized from 0.1 to 0.07"),
            verdict);
    }

    [Fact]
    public void Should_deny_when_the_scaled_size_falls_below_the_minimum_quantity()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.001m, 50_000m), 1.6m);

        // assert
        Assert.Equal(
            RuleVerdict.Deny("realized volatility 160% against the 80% target: new exposure 0.001 scales by 0.5; no quantity fits"),
            verdict);
    }

    [Fact]
    public void Should_deny_when_the_scaled_size_falls_below_the_minimum_notional()
    {
        // act: ETH at 2,000, 0.004 → 0.002 worth 4 USDT, below 5
        var verdict = Judge(LimitOrder(Eth, OrderSide.Buy, 0.004m, 2_000m), 1.6m, mark: 2_000m);

        // assert
        Assert.Equal(
            RuleVerdict.Deny("realized volatility 160% against the 80% target: new exposure 0.004 scales by 0.5; the largest quantity that fits, 0.002, is worth 4 USDT, below the minimum notional 5 USDT"),
            verdict);
    }
}
