using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;

namespace Rari.Domain.Tests.Portfolio;

/// <summary>Initial and maintenance margin, the isolated wallet and liquidation-price estimates of one position.</summary>
public sealed class PositionMarginSpecs
{
    private const string Btc = "BTCUSDT";
    private static readonly Symbol BtcSymbol = new(Btc);

    private static Position NewPosition(int leverage = 10, MarginType marginType = MarginType.Cross) =>
        new(BtcSymbol, PositionSide.Both, leverage, marginType);

    [Theory]
    [InlineData(1, 30_000, 120)]         // bracket 1: 30,000 × 0.4 %
    [InlineData(1, 50_000, 200)]         // floor of bracket 2: 50,000 × 0.5 % − 50, equal to bracket 1's 200
    [InlineData(1, 100_000, 450)]        // bracket 2: 500 − 50
    [InlineData(-5, 100_000, 3_700)]     // bracket 3 (500,000): 5,000 − 1,300; shorts use |notional|
    [InlineData(10, 100_000, 8_700)]     // floor of bracket 4 (1,000,000): 25,000 − 16,300
    [InlineData(20, 60_000, 13_700)]     // bracket 4 (1,200,000): 30,000 − 16,300
    [InlineData(200, 60_000, 333_700)]   // bracket 5 (12,000,000): 600,000 − 266,300
    public void Should_take_maintenance_margin_from_the_bracket_containing_the_notional(int quantity, int mark, int expected)
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Create(Btc, quantity > 0 ? OrderSide.Buy : OrderSide.Sell, Math.Abs(quantity), 30_000m));

        // act
        var maintenance = position.MaintenanceMargin(mark, TestBrackets.Btc);

        // assert
        Assert.Equal((decimal)expected, maintenance);
    }

    [Fact]
    public void Should_keep_maintenance_margin_continuous_across_every_bracket_floor()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 1m, 30_000m));

        foreach (var bracket in TestBrackets.Btc.Skip(1))
        {
            // act: just below the floor uses the previous bracket, at the floor the next one
            var below = position.MaintenanceMargin(bracket.NotionalFloor - 0.0001m, TestBrackets.Btc);
            var at = position.MaintenanceMargin(bracket.NotionalFloor, TestBrackets.Btc);

            // assert
            var previous = TestBrackets.Btc[bracket.Bracket - 2];
            Assert.Equal(((bracket.NotionalFloor - 0.0001m) * previous.MaintMarginRatio) - previous.Cum, below);
            Assert.Equal((bracket.NotionalFloor * bracket.MaintMarginRatio) - bracket.Cum, at);
            Assert.True(at - below < 0.0001m, $"jump at {bracket.NotionalFloor}: {below} → {at}");
        }
    }

    [Theory]
    [InlineData(20, 750)]
    [InlineData(10, 1_500)]
    [InlineData(1, 15_000)]
    public void Should_take_initial_margin_as_notional_over_leverage(int leverage, int expected)
    {
        // arrange
        var position = NewPosition(leverage: leverage);
        position.Apply(TestFills.Sell(Btc, 0.5m, 29_000m));

        // act
        var initial = position.InitialMargin(30_000m);

        // assert
        Assert.Equal(15_000m, position.Notional(30_000m));
        Assert.Equal(-15_000m, position.SignedNotional(30_000m));
        Assert.Equal((decimal)expected, initial);
    }

    [Fact]
    public void Should_move_initial_margin_pnl_fees_and_funding_through_the_isolated_wallet()
    {
        // arrange
        var position = NewPosition(leverage: 4, marginType: MarginType.Isolated);

        // act
        position.Apply(TestFills.Buy(Btc, 2m, 100m, fee: 0.07m));
        var opened = position.IsolatedMargin;
        position.Apply(TestFills.Sell(Btc, 1m, 110m, fee: 0.0385m));
        var afterPartialClose = position.IsolatedMargin;
        position.ApplyFunding(0.0001m, 110m);
        var afterFunding = position.IsolatedMargin;
        position.Apply(TestFills.Sell(Btc, 1m, 120m));

        // assert
        Assert.Equal(49.93m, opened);                 // 200 / 4 − 0.07
        Assert.Equal(29.94575m, afterPartialClose);   // (49.93 + 10 − 0.0385) / 2: half goes back to cross
        Assert.Equal(29.93475m, afterFunding);        // − 1 × 110 × 0.0001
        Assert.Equal(0m, position.IsolatedMargin);    // closed: everything goes back
    }

    [Fact]
    public void Should_follow_the_binance_formula_for_a_single_cross_long()
    {
        // arrange: W = 3,000, Q = 1, E = 30,000, bracket 1 (mmr 0.4 %, cum 0)
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 1m, 30_000m));

        // act
        var price = position.EstimateCrossLiquidationPrice(TestBrackets.Btc, 3_000m, 0m, 0m);

        // assert
        Assert.Equal((3_000m + 0m - 30_000m) / (0.004m - 1m), price); // (W + cum − Q×E) / (|Q|×mmr − Q)
        Assert.Equal(27_108.433734939759036144578313m, price!.Value, 20);
        AssertMarginBalanceMeetsMaintenance(position, 3_000m, price.Value);
    }

    [Fact]
    public void Should_follow_the_binance_formula_for_a_single_cross_short()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Sell(Btc, 1m, 30_000m));

        // act
        var price = position.EstimateCrossLiquidationPrice(TestBrackets.Btc, 3_000m, 0m, 0m);

        // assert
        Assert.Equal((3_000m + 0m + 30_000m) / (0.004m + 1m), price);
        AssertMarginBalanceMeetsMaintenance(position, 3_000m, price!.Value);
    }

    [Fact]
    public void Should_use_the_bracket_of_the_notional_at_the_liquidation_price_not_at_the_mark()
    {
        // arrange: a 1.5 BTC short entered at 30,000 is in bracket 1 now, but liquidates above 33,334 (notional > 50,000)
        var position = NewPosition();
        position.Apply(TestFills.Sell(Btc, 1.5m, 30_000m));

        // act
        var price = position.EstimateCrossLiquidationPrice(TestBrackets.Btc, 6_000m, 0m, 0m);

        // assert
        Assert.Equal((6_000m + 50m + 45_000m) / ((1.5m * 0.005m) + 1.5m), price); // bracket 2: mmr 0.5 %, cum 50
        Assert.True(1.5m * price!.Value >= 50_000m);
        AssertMarginBalanceMeetsMaintenance(position, 6_000m, price.Value);
    }

    [Fact]
    public void Should_include_the_other_positions_figures_in_a_cross_liquidation_price()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 0.2m, 30_000m));
        const decimal wallet = 2_000m, otherUnrealized = -300m, otherMaintenance = 150m;

        // act
        var price = position.EstimateCrossLiquidationPrice(TestBrackets.Btc, wallet, otherUnrealized, otherMaintenance);

        // assert
        Assert.Equal((wallet + otherUnrealized - otherMaintenance - 6_000m) / ((0.2m * 0.004m) - 0.2m), price);
        var balance = wallet + otherUnrealized + position.UnrealizedPnl(price!.Value);
        var maintenance = otherMaintenance + position.MaintenanceMargin(price.Value, TestBrackets.Btc);
        Assert.True(Math.Abs(maintenance - balance) < 0.000000000001m, $"{balance} vs {maintenance}");
    }

    [Fact]
    public void Should_have_no_liquidation_price_for_a_long_backed_by_more_than_its_cost()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 1m, 100m));

        // act
        var price = position.EstimateCrossLiquidationPrice(TestBrackets.Btc, 200m, 0m, 0m);

        // assert
        Assert.Null(price);
        Assert.Null(NewPosition().EstimateCrossLiquidationPrice(TestBrackets.Btc, 200m, 0m, 0m));
    }

    [Fact]
    public void Should_liquidate_an_isolated_position_where_its_wallet_plus_pnl_meets_maintenance()
    {
        // arrange: 10x isolated, so the isolated wallet is 3,000
        var position = NewPosition(leverage: 10, marginType: MarginType.Isolated);
        position.Apply(TestFills.Buy(Btc, 1m, 30_000m));

        // act
        var price = position.EstimateIsolatedLiquidationPrice(TestBrackets.Btc);

        // assert
        Assert.Equal(3_000m, position.IsolatedMargin);
        Assert.Equal((3_000m - 30_000m) / (0.004m - 1m), price);
        var balance = position.IsolatedMargin + position.UnrealizedPnl(price!.Value);
        Assert.True(Math.Abs(position.MaintenanceMargin(price.Value, TestBrackets.Btc) - balance) < 0.000000000001m);
        Assert.Throws<InvalidOperationException>(() => NewPosition().EstimateIsolatedLiquidationPrice(TestBrackets.Btc));
    }

    [Fact]
    public void Should_find_a_liquidation_price_that_meets_maintenance_for_many_random_positions()
    {
        // arrange
        var random = new Random(20_240_611);
        for (var i = 0; i < 2_000; i++)
        {
            var position = NewPosition();
            var quantity = random.Next(1, 500_000) / 1_000m;
            var entry = random.Next(10_000, 100_000);
            position.Apply(TestFills.Create(Btc, random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell, quantity, entry));
            var wallet = quantity * entry * random.Next(1, 200) / 100m;

            // act
            var price = position.EstimateCrossLiquidationPrice(TestBrackets.Btc, wallet, 0m, 0m);

            // assert
            if (price is null)
            {
                Assert.True(position.Quantity > 0m && wallet >= position.CostBasis, $"case {i}: a short or under-backed long must have a price");
                continue;
            }

            AssertMarginBalanceMeetsMaintenance(position, wallet, price.Value);
        }
    }

    [Fact]
    public void Should_refuse_a_margin_type_change_while_open()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 1m, 100m));

        // act
        var error = Record.Exception(() => position.SetMarginType(MarginType.Isolated));
        position.Apply(TestFills.Sell(Btc, 1m, 100m));
        position.SetMarginType(MarginType.Isolated);

        // assert
        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal(MarginType.Isolated, position.MarginType);
    }

    private static void AssertMarginBalanceMeetsMaintenance(Position position, decimal wallet, decimal price)
    {
        var balance = wallet + position.UnrealizedPnl(price);
        var maintenance = position.MaintenanceMargin(price, TestBrackets.Btc);
        Assert.True(
            Math.Abs(balance - maintenance) < 0.000000000001m,
            $"at {price}: margin balance {balance} vs maintenance {maintenance} (Q {position.Quantity}, E {position.EntryPrice}, W {wallet})");
    }
}
