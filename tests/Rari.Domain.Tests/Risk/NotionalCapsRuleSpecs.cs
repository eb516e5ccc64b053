using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Risk.Rules;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class NotionalCapsRuleSpecs
{
    private static RuleVerdict Judge(RiskSettings settings, OrderIntent intent, decimal btcPosition = 0m, decimal ethPosition = 0m)
    {
        var btc = View(Btc, 50_000m, 20, Position(Btc, btcPosition, 50_000m, 50_000m));
        var eth = View(Eth, 2_500m, 20, Position(Eth, ethPosition, 2_500m, 2_500m));
        return Evaluate(new NotionalCapsRule(settings), Request(intent), Context(10_000m, btc, eth));
    }

    [Fact]
    public void Should_approve_within_the_total_cap_of_ten_times_equity()
    {
        // act
        var verdict = Judge(RiskSettings.Default, LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), ethPosition: 20m);

        // assert
        Assert.Equal(
            RuleVerdict.Approve(0.1m, "worst-case total notional 55000 USDT against the total cap 10 × equity 10000 = 100000 USDT"),
            verdict);
    }

    [Fact]
    public void Should_resize_to_the_symbol_cap()
    {
        // arrange
        var settings = RiskSettings.Default with { MaxSymbolNotional = 8_000m };

        // act: 5,000 held + 5,000 asked against 8,000
        var verdict = Judge(settings, LimitOrder(Btc, OrderSide.Buy, 0.1m, 50_000m), btcPosition: 0.1m);

        // assert
        Assert.Equal(
            RuleVerdict.Resize(0.06m, "worst-case long notional of BTCUSDT 10000 USDT against the 8000 USDT symbol cap; resized from 0.1 to 0.06"),
            verdict);
    }

    [Fact]
    public void Should_resize_to_the_total_cap_counting_every_symbol()
    {
        // act: ETH 50,000 + BTC 60,000 asked against 100,000
        var verdict = Judge(RiskSettings.Default, MarketOrder(Btc, OrderSide.Buy, 1.2m), ethPosition: 20m);

        // assert
        Assert.Equal(
            RuleVerdict.Resize(1m, "worst-case total notional 110000 USDT against the total cap 10 × equity 10000 = 100000 USDT; resized from 1.2 to 1"),
            verdict);
    }

    [Fact]
    public void Should_use_the_hard_total_cap_when_it_is_the_tighter()
    {
        // arrange
        var settings = RiskSettings.Default with { MaxTotalNotional = 80_000m };

        // act
        var verdict = Judge(settings, MarketOrder(Btc, OrderSide.Buy, 1.2m), ethPosition: 20m);

        // assert
        Assert.Equal(
            RuleVerdict.Resize(0.6m, "worst-case total notional 110000 USDT against the 80000 USDT total cap; resized from 1.2 to 0.6"),
            verdict);
    }

    [Theory]
    [InlineData(20_000, "0.4", "worst-case long notional of BTCUSDT 60000 USDT against the 20000 USDT symbol cap; resized from 1.2 to 0.4")]
    [InlineData(55_000, "1", "worst-case total notional 110000 USDT against the total cap 10 × equity 10000 = 100000 USDT; resized from 1.2 to 1")]
    public void Should_apply_the_tighter_of_the_symbol_and_total_caps(int symbolCap, string quantity, string reason)
    {
        // act: both caps bind; ETH holds 50,000 of the 100,000 total
        var verdict = Judge(RiskSettings.Default with { MaxSymbolNotional = symbolCap }, MarketOrder(Btc, OrderSide.Buy, 1.2m), ethPosition: 20m);

        // assert
        Assert.Equal(RuleVerdict.Resize(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), reason), verdict);
    }

    [Theory]
    [InlineData(1, RiskVerdictKind.Approved)]
    [InlineData(2, RiskVerdictKind.Approved)]
    public void Should_let_an_account_over_the_cap_close_and_flip_without_growing(int quantity, RiskVerdictKind kind)
    {
        // act: ETH alone is 120,000, over the 100,000 cap; BTC is short 1 (50,000)
        var verdict = Judge(RiskSettings.Default, MarketOrder(Btc, OrderSide.Buy, quantity), btcPosition: -1m, ethPosition: 48m);

        // assert
        Assert.Equal(kind, verdict.Kind);
    }

    [Fact]
    public void Should_stop_an_account_over_the_cap_from_growing_a_symbol_beyond_its_other_side()
    {
        // act
        var verdict = Judge(RiskSettings.Default, MarketOrder(Btc, OrderSide.Buy, 3m), btcPosition: -1m, ethPosition: 48m);

        // assert
        Assert.Equal(
            RuleVerdict.Resize(2m, "worst-case total notional 220000 USDT against the total cap 10 × equity 10000 = 100000 USDT; resized from 3 to 2"),
            verdict);
    }

    [Fact]
    public void Should_deny_when_the_symbol_cap_is_already_used()
    {
        // arrange
        var settings = RiskSettings.Default with { MaxSymbolNotional = 5_000m };

        // act
        var verdict = Judge(settings, LimitOrder(Btc, OrderSide.Buy, 0.01m, 50_000m), btcPosition: 0.1m);

        // assert
        Assert.Equal(
            RuleVerdict.Deny("worst-case long notional of BTCUSDT 5500 USDT against the 5000 USDT symbol cap; no quantity fits"),
            verdict);
    }
}
