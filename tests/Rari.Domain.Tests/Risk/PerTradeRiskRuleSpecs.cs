using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class PerTradeRiskRuleSpecs
{
    private static readonly PerTradeRiskRule Rule = new(RiskSettings.Default);

    private static RuleVerdict Judge(RiskRequest request, decimal equity = 10_000m, decimal position = 0m, decimal? standingStop = null)
    {
        var view = View(Btc, 50_000m, 20, Position(Btc, position, 50_000m, 50_000m)) with { StopLossPrice = standingStop };
        return Evaluate(Rule, request, Context(equity, view));
    }

    [Fact]
    public void Should_approve_a_loss_at_the_stop_within_the_limit()
    {
        // act
        var verdict = Judge(Request(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), stop: 49_000m));

        // assert
        Assert.Equal(RuleVerdict.Approve(0.1m, "loss at the stop 0.1 × 1000 = 100 USDT is within 10% of equity 10000 = 1000 USDT"), verdict);
    }

    [Fact]
    public void Should_resize_a_buy_to_the_largest_loss_the_limit_allows()
    {
        // act
        var verdict = Judge(Request(LimitOrder(Btc, OrderSide.Buy, 2m, 50_000m), stop: 49_000m));

        // assert
        Assert.Equal(
            RuleVerdict.Resize(1m, "loss at the stop 2 × 1000 = 2000 USDT exceeds 10% of equity 10000 = 1000 USDT; resized from 2 to 1"),
            verdict);
    }

    [Fact]
    public void Should_measure_a_sell_against_a_stop_above_it()
    {
        // act
        var verdict = Judge(Request(MarketOrder(Btc, OrderSide.Sell, 1m), stop: 52_500m));

        // assert
        Assert.Equal(
            RuleVerdict.Resize(0.4m, "loss at the stop 1 × 2500 = 2500 USDT exceeds 10% of equity 10000 = 1000 USDT; resized from 1 to 0.4"),
            verdict);
    }

    [Fact]
    public void Should_prefer_the_worst_case_loss_per_unit_over_the_stop()
    {
        // act: a grid's worst level loses 5,000 a unit, whatever its nominal stop says
        var verdict = Judge(Request(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), stop: 49_000m, lossPerUnit: 5_000m));

        // assert
        Assert.Equal(RuleVerdict.Approve(0.1m, "loss at the stop 0.1 × 5000 = 500 USDT is within 10% of equity 10000 = 1000 USDT"), verdict);
    }

    [Fact]
    public void Should_fall_back_on_the_symbols_standing_stop()
    {
        // act
        var verdict = Judge(Request(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m)), standingStop: 48_000m);

        // assert
        Assert.Equal(RuleVerdict.Approve(0.1m, "loss at the stop 0.1 × 2000 = 200 USDT is within 10% of equity 10000 = 1000 USDT"), verdict);
    }

    [Fact]
    public void Should_deny_an_order_without_a_stop()
    {
        // act
        var verdict = Judge(Request(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m)));

        // assert
        Assert.Equal(
            RuleVerdict.Deny("no stop-loss: the loss at the stop cannot be measured; give the order a stop-loss price or a worst-case loss per unit"),
            verdict);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 51_000, "the stop 51000 is not below the BUY entry 50000: it would not limit the loss")]
    [InlineData(OrderSide.Sell, 50_000, "the stop 50000 is not above the SELL entry 50000: it would not limit the loss")]
    public void Should_deny_a_stop_on_the_wrong_side(OrderSide side, int stop, string reason)
    {
        // act
        var verdict = Judge(Request(LimitOrder(Btc, side, 0.1m, 50_000m), stop: stop));

        // assert
        Assert.Equal(RuleVerdict.Deny(reason), verdict);
    }

    [Fact]
    public void Should_not_need_a_stop_for_an_order_that_only_closes()
    {
        // act: short 1, buy 1 without a stop
        var verdict = Judge(Request(MarketOrder(Btc, OrderSide.Buy, 1m)), position: -1m);

        // assert
        Assert.Equal(RuleVerdict.Approve(1m, "adds no exposure: no new loss at a stop"), verdict);
    }

    [Fact]
    public void Should_count_only_the_part_that_opens_after_closing()
    {
        // act: short 1, buy 3 → opens 2 with 1,000 a unit at risk; 1 unit fits
        var verdict = Judge(Request(MarketOrder(Btc, OrderSide.Buy, 3m), stop: 49_000m), position: -1m);

        // assert
        Assert.Equal(
            RuleVerdict.Resize(2m, "loss at the stop 2 × 1000 = 2000 USDT exceeds 10% of equity 10000 = 1000 USDT; resized from 3 to 2"),
            verdict);
    }

    [Fact]
    public void Should_deny_when_nothing_fits_the_budget()
    {
        // act
        var verdict = Judge(Request(LimitOrder(Btc, OrderSide.Buy, 0.01m, 50_000m), stop: 49_000m), equity: 5m);

        // assert
        Assert.Equal(
            RuleVerdict.Deny("loss at the stop 0.01 × 1000 = 10 USDT exceeds 10% of equity 5 = 0.5 USDT; no quantity fits"),
            verdict);
    }

    [Fact]
    public void Should_deny_new_exposure_without_positive_equity()
    {
        // act
        var verdict = Judge(Request(LimitOrder(Btc, OrderSide.Buy, 0.01m, 50_000m), stop: 49_000m), equity: 0m);

        // assert
        Assert.Equal(RuleVerdict.Deny("equity 0 USDT is not positive: there is no risk budget"), verdict);
    }
}
