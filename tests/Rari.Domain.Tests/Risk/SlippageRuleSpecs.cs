using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class SlippageRuleSpecs
{
    private static readonly SlippageRule Rule = new(RiskSettings.Default);

    // SOL (step 0.01): the 0.5 % bound is 100.5 for a buy and 99.5 for a sell.
    private static readonly (decimal, decimal)[] Asks = [(100m, 1m), (100.5m, 1m), (102m, 10m)];
    private static readonly (decimal, decimal)[] Bids = [(100m, 1m), (99.6m, 1m), (99m, 5m)];

    private static RuleVerdict Judge(OrderIntent intent, bool withBook = true, bool withAsks = true)
    {
        var view = View(Sol, 100m);
        if (withBook)
        {
            view = view with { Book = Book(Sol.Symbol, Bids, withAsks ? Asks : []) };
        }

        return Evaluate(Rule, Request(intent), Context(10_000m, view));
    }

    [Fact]
    public void Should_pass_orders_that_do_not_sweep()
    {
        // act
        var verdict = Judge(LimitOrder(Sol, OrderSide.Buy, 50m, 100m));

        // assert
        Assert.Equal(RuleVerdict.Approve(50m, "not a MARKET order: no sweep to estimate"), verdict);
    }

    [Fact]
    public void Should_skip_the_estimate_without_a_book()
    {
        // act
        var verdict = Judge(MarketOrder(Sol, OrderSide.Buy, 50m), withBook: false);

        // assert
        Assert.Equal(RuleVerdict.Approve(50m, "no order book: slippage not estimated"), verdict);
    }

    [Fact]
    public void Should_approve_a_sweep_within_the_limit()
    {
        // act
        var verdict = Judge(MarketOrder(Sol, OrderSide.Buy, 2m));

        // assert
        Assert.Equal(RuleVerdict.Approve(2m, "a MARKET BUY of 2 would average 100.25, 0.25% from the touch 100, within 0.5%"), verdict);
    }

    [Fact]
    public void Should_resize_a_buy_to_the_largest_sweep_within_the_limit()
    {
        // act: two whole levels (avg 100.25) and a third of the 102 level bring the average to 100.5; 2.33 on the step
        var verdict = Judge(MarketOrder(Sol, OrderSide.Buy, 3m));

        // assert
        Assert.Equal(
            RuleVerdict.Resize(2.33m, "a MARKET BUY of 3 would average 100.83333333, 0.83333333% from the touch 100, beyond 0.5%; resized from 3 to 2.33"),
            verdict);
    }

    [Fact]
    public void Should_resize_a_sell_exactly_to_the_bound()
    {
        // act: 100 + 99.6 + 1.2 × 99 = 318.4 over 3.2 units averages exactly 99.5
        var verdict = Judge(MarketOrder(Sol, OrderSide.Sell, 4m));

        // assert
        Assert.Equal(
            RuleVerdict.Resize(3.2m, "a MARKET SELL of 4 would average 99.4, 0.6% from the touch 100, beyond 0.5%; resized from 4 to 3.2"),
            verdict);
    }

    [Fact]
    public void Should_resize_when_the_book_cannot_fill_the_order()
    {
        // act
        var verdict = Judge(MarketOrder(Sol, OrderSide.Buy, 20m));

        // assert
        Assert.Equal(
            RuleVerdict.Resize(2.33m, "the book holds only 12 of a MARKET BUY of 20, at an average 101.70833333, 1.70833333% from the touch 100, beyond 0.5%; resized from 20 to 2.33"),
            verdict);
    }

    [Fact]
    public void Should_deny_when_the_side_is_empty()
    {
        // act
        var verdict = Judge(MarketOrder(Sol, OrderSide.Buy, 1m), withAsks: false);

        // assert
        Assert.Equal(RuleVerdict.Deny("the book has no asks: a MARKET BUY cannot fill"), verdict);
    }
}
