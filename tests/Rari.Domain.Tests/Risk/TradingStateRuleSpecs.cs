using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using Rari.Domain.Strategies;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class TradingStateRuleSpecs
{
    private static readonly TradingStateRule Rule = new();

    private static RuleVerdict Judge(OrderIntent intent, TradingState global, TradingState own, decimal position = 0.1m)
    {
        var view = View(Btc, 50_000m, 20, Position(Btc, position, 50_000m, 50_000m)) with { TradingState = own };
        return Evaluate(Rule, Request(intent), Context(10_000m, view) with { GlobalTradingState = global });
    }

    [Fact]
    public void Should_approve_while_trading_is_active()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.05m, 49_000m), TradingState.Active, TradingState.Active);

        // assert
        Assert.Equal(RuleVerdict.Approve(0.05m, "trading is active"), verdict);
    }

    [Theory]
    [InlineData(TradingState.Halted, TradingState.Active, "all trading is halted: only reduce-only and closing orders pass")]
    [InlineData(TradingState.Active, TradingState.Halted, "trading in BTCUSDT is halted: only reduce-only and closing orders pass")]
    [InlineData(TradingState.Reducing, TradingState.Halted, "trading in BTCUSDT is halted: only reduce-only and closing orders pass")]
    [InlineData(TradingState.Halted, TradingState.Reducing, "all trading is halted: only reduce-only and closing orders pass")]
    public void Should_deny_every_order_that_reaches_it_while_halted(TradingState global, TradingState own, string reason)
    {
        // act: even an unflagged order that would shrink the position
        var verdict = Judge(LimitOrder(Btc, OrderSide.Sell, 0.05m, 51_000m), global, own);

        // assert
        Assert.Equal(RuleVerdict.Deny(reason), verdict);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 0.05, "trading in BTCUSDT is reducing only: this order would take the position from 0.1 to 0.15")]
    [InlineData(OrderSide.Sell, 0.3, "trading in BTCUSDT is reducing only: this order would take the position from 0.1 to -0.2")]
    public void Should_deny_what_grows_the_position_while_reducing(OrderSide side, double quantity, string reason)
    {
        // act
        var verdict = Judge(LimitOrder(Btc, side, (decimal)quantity, 50_000m), TradingState.Active, TradingState.Reducing);

        // assert
        Assert.Equal(RuleVerdict.Deny(reason), verdict);
    }

    [Fact]
    public void Should_let_an_order_that_shrinks_the_position_through_while_reducing()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Sell, 0.1m, 50_000m), TradingState.Reducing, TradingState.Active);

        // assert
        Assert.Equal(
            RuleVerdict.Approve(0.1m, "all trading is reducing only and this order shrinks the position from 0.1 to 0"),
            verdict);
    }
}
