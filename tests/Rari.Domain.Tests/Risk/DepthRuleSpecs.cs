using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class DepthRuleSpecs
{
    private static readonly DepthRule Rule = new(RiskSettings.Default);

    // 0.4 + 0.4 asks within 0.5 % (250) of the 50,000 touch; the 2 at 50,300 lie beyond it.
    private static readonly (decimal, decimal)[] Asks = [(50_000m, 0.4m), (50_100m, 0.4m), (50_300m, 2m)];

    private static RuleVerdict Judge(OrderIntent intent, bool withBook = true, bool withBids = false)
    {
        var view = View(Btc, 50_000m);
        if (withBook)
        {
            view = view with { Book = Book(Btc.Symbol, withBids ? [(49_990m, 1m)] : [], Asks) };
        }

        return Evaluate(Rule, Request(intent), Context(10_000m, view));
    }

    [Fact]
    public void Should_skip_the_check_without_a_book()
    {
        // act
        var verdict = Judge(MarketOrder(Btc, OrderSide.Buy, 5m), withBook: false);

        // assert
        Assert.Equal(RuleVerdict.Approve(5m, "no order book: depth not checked"), verdict);
    }

    [Fact]
    public void Should_approve_a_share_of_the_nearby_depth_within_the_cap()
    {
        // act
        var verdict = Judge(MarketOrder(Btc, OrderSide.Buy, 0.2m));

        // assert
        Assert.Equal(RuleVerdict.Approve(0.2m, "0.2 against 25% of the 0.8 asks within 0.5% of the touch 50000 = 0.2"), verdict);
    }

    [Fact]
    public void Should_resize_to_the_share_cap_for_resting_orders_too()
    {
        // act
        var verdict = Judge(LimitOrder(Btc, OrderSide.Buy, 0.5m, 49_900m));

        // assert
        Assert.Equal(
            RuleVerdict.Resize(0.2m, "0.5 against 25% of the 0.8 asks within 0.5% of the touch 50000 = 0.2; resized from 0.5 to 0.2"),
            verdict);
    }

    [Fact]
    public void Should_deny_when_the_side_it_would_trade_against_is_empty()
    {
        // act
        var verdict = Judge(MarketOrder(Btc, OrderSide.Sell, 0.1m));

        // assert
        Assert.Equal(RuleVerdict.Deny("the book has no bids: no visible liquidity for a SELL"), verdict);
    }
}
