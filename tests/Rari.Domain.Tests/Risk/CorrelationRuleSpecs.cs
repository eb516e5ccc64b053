using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class CorrelationRuleSpecs
{
    private static RuleVerdict Judge(OrderIntent intent, decimal ethPosition, decimal correlation, RiskSettings? settings = null, decimal btcPosition = 0m)
    {
        var btc = View(Btc, 50_000m, 20, Position(Btc, btcPosition, 50_000m, 50_000m));
        var eth = View(Eth, 2_500m, 20, Position(Eth, ethPosition, 2_500m, 2_500m));
        var context = Context(10_000m, btc, eth) with
        {
            Correlations = new CorrelationTable([new SymbolCorrelation(Eth.Symbol, Btc.Symbol, correlation)]),
        };
        return Evaluate(new CorrelationRule(settings ?? RiskSettings.Default), Request(intent), context);
    }

    [Theory]
    [InlineData(2, 0.6)]
    [InlineData(-2, 0.85)]
    public void Should_approve_when_no_correlated_symbol_holds_exposure_the_same_way(int ethPosition, double correlation)
    {
        // act: ETH is long but only 0.6 correlated, or short and 0.85 correlated
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.2m, 50_000m), ethPosition, (decimal)correlation);

        // assert
        Assert.Equal(RuleVerdict.Approve(0.2m, "no symbol correlated 0.7 or more with BTCUSDT holds long exposure"), verdict);
    }

    [Fact]
    public void Should_approve_a_correlated_group_within_the_position_limit()
    {
        // act: ETH 5,000 at 20x = 250, BTC 5,000 at 20x = 250
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), 2m, 0.85m);

        // assert
        Assert.Equal(
            RuleVerdict.Approve(0.1m, "long exposure correlated with BTCUSDT (ETHUSDT 0.85) ties up 500 USDT of margin against 5% of equity 10000 = 500 USDT"),
            verdict);
    }

    [Fact]
    public void Should_resize_what_the_correlated_group_leaves_room_for()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.2m, 50_000m), 2m, 0.85m);

        // assert
        Assert.Equal(
            RuleVerdict.Resize(0.1m, "long exposure correlated with BTCUSDT (ETHUSDT 0.85) ties up 750 USDT of margin against 5% of equity 10000 = 500 USDT; resized from 0.2 to 0.1"),
            verdict);
    }

    [Fact]
    public void Should_deny_when_the_correlated_group_uses_the_whole_limit()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.01m, 50_000m), 4m, 0.7m);

        // assert
        Assert.Equal(
            RuleVerdict.Deny("long exposure correlated with BTCUSDT (ETHUSDT 0.7) ties up 525 USDT of margin against 5% of equity 10000 = 500 USDT; no quantity fits"),
            verdict);
    }

    [Fact]
    public void Should_hold_the_group_to_the_symbol_notional_cap()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), 2m, 0.85m, RiskSettings.Default with { MaxSymbolNotional = 8_000m });

        // assert
        Assert.Equal(
            RuleVerdict.Resize(0.06m, "long exposure correlated with BTCUSDT (ETHUSDT 0.85) is worth 10000 USDT against the 8000 USDT symbol cap; resized from 0.1 to 0.06"),
            verdict);
    }

    [Fact]
    public void Should_let_an_order_that_only_closes_through_a_group_the_others_already_fill()
    {
        // act: ETH alone ties up 625 of the 500 allowed; BTC is short 0.1 and buys it back
        var verdict = Judge(MarketOrder(Btc, OrderSide.Buy, 0.1m), 5m, 0.85m, btcPosition: -0.1m);

        // assert
        Assert.Equal(
            RuleVerdict.Approve(0.1m, "long exposure correlated with BTCUSDT (ETHUSDT 0.85) ties up 625 USDT of margin against 5% of equity 10000 = 500 USDT; this order adds no long exposure in BTCUSDT"),
            verdict);
    }
}
