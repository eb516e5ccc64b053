using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using Rari.TestKit;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class LiquidationDistanceRuleSpecs
{
    private static readonly LiquidationDistanceRule Rule = new(RiskSettings.Default);

    private static RuleVerdict Isolated(int leverage, decimal? atr, decimal quantity = 0.1m)
    {
        var view = View(Btc, 50_000m, leverage) with { MarginType = MarginType.Isolated, AverageTrueRange = atr };
        return Evaluate(Rule, Request(MarketOrder(Btc, OrderSide.Buy, quantity)), Context(10_000m, view));
    }

    [Fact]
    public void Should_deny_an_isolated_position_liquidated_within_one_percent_while_the_atr_is_unknown()
    {
        // act: 100x isolated: wallet 50, p = (50 − 5,000) / (0.1 × 0.004 − 0.1)
        var verdict = Isolated(100, null);

        // assert
        Assert.Equal(
            RuleVerdict.Deny("the resulting position of 0.1 would be liquidated near 49698.79518072, 301.20481928 from the mark 50000, within the buffer 1% of the mark = 500 (ATR unknown)"),
            verdict);
    }

    [Fact]
    public void Should_approve_a_liquidation_price_beyond_ten_atrs()
    {
        // act: 20x isolated: wallet 250
        var verdict = Isolated(20, 100m);

        // assert
        Assert.Equal(
            RuleVerdict.Approve(0.1m, "the resulting position of 0.1 would be liquidated near 47690.76305221, 2309.23694779 from the mark 50000, beyond the buffer max(10 × ATR 100, 1% of the mark) = 1000"),
            verdict);
    }

    [Fact]
    public void Should_deny_a_liquidation_price_within_ten_atrs()
    {
        // act
        var verdict = Isolated(20, 250m);

        // assert
        Assert.Equal(
            RuleVerdict.Deny("the resulting position of 0.1 would be liquidated near 47690.76305221, 2309.23694779 from the mark 50000, within the buffer max(10 × ATR 250, 1% of the mark) = 2500"),
            verdict);
    }

    [Fact]
    public void Should_approve_a_position_no_price_move_can_liquidate()
    {
        // act: 1x isolated long, fully paid
        var verdict = Isolated(1, 100m, quantity: 1m);

        // assert
        Assert.Equal(RuleVerdict.Approve(1m, "the resulting position of 1 cannot be liquidated by a price move"), verdict);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "the resulting position of 1 would be liquidated near 49196.78714859, 803.21285141 from the mark 50000, within the buffer max(10 × ATR 100, 1% of the mark) = 1000")]
    [InlineData(OrderSide.Sell, "the resulting position of -1 would be liquidated near 50796.0199005, 796.0199005 from the mark 50000, within the buffer max(10 × ATR 100, 1% of the mark) = 1000")]
    public void Should_measure_a_cross_position_against_the_whole_cross_wallet(OrderSide side, string reason)
    {
        // arrange: 1,000 USDT backing a 50,000 USDT position; above 50,000 notional the short's liquidation falls in the
        // second bracket (0.5 %, cum 50): p = (1,000 + 50 + 50,000) / (1 × 0.005 + 1)
        var view = View(Btc, 50_000m) with { AverageTrueRange = 100m };

        // act
        var verdict = Evaluate(Rule, Request(MarketOrder(Btc, side, 1m)), Context(1_000m, view));

        // assert
        Assert.Equal(RuleVerdict.Deny(reason), verdict);
    }

    [Fact]
    public void Should_pass_an_order_that_only_shrinks_the_position()
    {
        // act
        var view = View(Btc, 50_000m, 100, Position(Btc, 1m, 50_000m, 50_000m, leverage: 100));
        var verdict = Evaluate(Rule, Request(MarketOrder(Btc, OrderSide.Sell, 0.5m)), Context(1_000m, view));

        // assert
        Assert.Equal(RuleVerdict.Approve(0.5m, "only shrinks the position: its liquidation price moves away"), verdict);
    }

    [Fact]
    public void Should_estimate_the_liquidation_price_the_portfolio_would_after_the_fill()
    {
        // arrange: a cross account with an ETH position and a BTC position; the order adds to BTC at the mark
        var account = new PortfolioAccount(3_000m, symbol => symbol == Btc.Symbol ? Btc.LeverageBrackets : Eth.LeverageBrackets);
        account.ApplyFill(TestFills.Buy("ETHUSDT", 4m, 2_400m));
        account.ApplyFill(TestFills.Buy("BTCUSDT", 0.2m, 48_000m));
        account.UpdateMark(Eth.Symbol, 2_500m);
        account.UpdateMark(Btc.Symbol, 50_000m);
        var context = RiskContext.FromAccount(account, Now, [SymbolRiskView.FromAccount(account, Btc), SymbolRiskView.FromAccount(account, Eth)]);

        // act
        var verdict = Evaluate(Rule, Request(MarketOrder(Btc, OrderSide.Buy, 0.3m)), context);
        account.ApplyFill(TestFills.Buy("BTCUSDT", 0.3m, 50_000m, tradeId: 2));
        var expected = account.EstimateLiquidationPrice(new Symbol("BTCUSDT"), PositionSide.Both)!.Value;

        // assert
        Assert.Contains(
            $"the resulting position of 0.5 would be liquidated near {Math.Round(expected, 8).ToString("0.########", System.Globalization.CultureInfo.InvariantCulture)},",
            verdict.Reason);
    }
}
