using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridRebalanceSpecs
{
    private static readonly GridSettings Trailing = GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.Trail, StopLossDistance = null };

    private static readonly GridSettings Recentring = GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.Recentre, RecentreAfterBars = 3, StopLossDistance = null };

    [Fact]
    public void Should_trail_up_one_level_cancelling_only_the_farthest_order_and_keeping_the_others()
    {
        // arrange: the price climbs through every short rung
        var harness = new GridHarness(Trailing);
        harness.Bar(30_000m);
        foreach (var price in new[] { 30_600m, 31_200m, 31_800m, 32_400m })
        {
            harness.Fill(harness.OpenAt(OrderSide.Sell, price).ClientOrderId);
        }

        var kept = harness.Open.Keys.Where(id => id != harness.OpenAt(OrderSide.Buy, 27_000m).ClientOrderId).ToHashSet();

        // act
        var decision = harness.Bar(32_500m);

        // assert
        var trailed = GridHarness.Single<GridTrailed>(decision);
        Assert.Equal(GridTrailDirection.Up, trailed.Direction);
        Assert.Equal([27_600m, 28_200m, 28_800m, 29_400m, 30_000m, 30_600m, 31_200m, 31_800m, 32_400m, 33_000m], trailed.Levels);
        Assert.Equal(harness.OpenAt(OrderSide.Buy, 27_000m).ClientOrderId, Assert.Single(GridHarness.Cancelled(decision))); // <--
        var added = Assert.Single(GridHarness.Placed(decision));
        Assert.Equal((OrderSide.Buy, 32_400m), (added.Side, added.Price!.Value));
        Assert.Subset(harness.Open.Keys.ToHashSet(), kept);
        Assert.Equal((GridCellKind.Long, 32_400m, 33_000m), (trailed.AddedCell.Kind, trailed.AddedCell.LowerPrice, trailed.AddedCell.UpperPrice));
    }

    [Fact]
    public void Should_trail_only_one_level_per_bar()
    {
        // arrange
        var harness = new GridHarness(Trailing with { Direction = GridDirection.Long });
        harness.Bar(30_000m);

        // act
        var decisions = Enumerable.Range(0, 3).Select(_ => harness.Bar(34_000m)).ToArray();

        // assert
        Assert.All(decisions, d => Assert.Single(d.Events.OfType<GridTrailed>()));
        Assert.Equal(28_800m, harness.State.Lower);
        Assert.Equal(34_200m, harness.State.Upper);
    }

    [Fact]
    public void Should_not_trail_away_from_a_rung_that_holds_inventory()
    {
        // arrange: a long grid started above its explicit range has a buy on every level, and all of them fill
        var settings = Trailing with
        {
            Direction = GridDirection.Long,
            RangeSource = GridRangeSource.Explicit,
            LowerPrice = 27_000m,
            UpperPrice = 32_400m,
        };
        var harness = new GridHarness(settings);
        harness.Bar(32_500m);
        foreach (var buy in harness.Open.Values.ToArray())
        {
            harness.Fill(buy.ClientOrderId);
            harness.Open.Remove(buy.ClientOrderId);
        }

        // act
        var decisions = harness.Bars(5, 26_500m);

        // assert
        Assert.DoesNotContain(decisions.SelectMany(d => d.Events), e => e is GridTrailed);
        Assert.Equal(27_000m, harness.State.Lower);
        Assert.Equal(0.009m, harness.State.Inventory);
        Assert.All(harness.State.Cells, c => Assert.Equal(GridOrderRole.Exit, c.Order!.Role));
    }

    [Fact]
    public void Should_recentre_only_after_the_price_has_closed_outside_for_the_configured_bars()
    {
        // arrange
        var harness = new GridHarness(Recentring);
        harness.Bar(30_000m);
        FillShorts(harness);

        // act
        var outsideTwice = harness.Bars(2, 33_000m);
        var backInside = harness.Bar(32_000m);
        var outsideAgain = harness.Bars(2, 33_000m);
        var third = harness.Bar(33_000m);

        // assert
        Assert.DoesNotContain(outsideTwice.Concat(outsideAgain).Append(backInside).SelectMany(d => d.Events), e => e is GridRecentred);
        Assert.Single(third.Events.OfType<GridRecentred>());
    }

    [Fact]
    public void Should_recentre_on_the_same_lattice_keeping_the_orders_of_levels_that_survive()
    {
        // arrange: the shorts from 30,600 to 32,400 sold and wait to buy back at 30,000 to 31,800
        var harness = new GridHarness(Recentring);
        harness.Bar(30_000m);
        FillShorts(harness);
        var exits = harness.Open.Values.Where(o => o.ReduceOnly).Select(o => o.ClientOrderId).ToHashSet();
        var oldBuys = harness.Open.Values.Where(o => !o.ReduceOnly).Select(o => o.ClientOrderId).ToHashSet();
        harness.Bars(2, 33_000m);

        // act
        var decision = harness.Bar(33_000m);

        // assert
        var recentred = GridHarness.Single<GridRecentred>(decision);
        Assert.Equal([30_000m, 30_600m, 31_200m, 31_800m, 32_400m, 33_000m, 33_600m, 34_200m, 34_800m, 35_400m], recentred.Plan.Levels);
        Assert.Equal(oldBuys, GridHarness.Cancelled(decision).ToHashSet()); // <-- the five buys below 30,000 leave
        Assert.Subset(harness.Open.Keys.ToHashSet(), exits); // the four take-profits stay, same ids
        Assert.Equal(
            [(OrderSide.Buy, 32_400m), (OrderSide.Sell, 33_600m), (OrderSide.Sell, 34_200m), (OrderSide.Sell, 34_800m), (OrderSide.Sell, 35_400m)],
            GridHarness.Placed(decision).Select(o => (o.Side, o.Price!.Value)).OrderBy(p => p.Value));
        Assert.Contains("close 33000 stayed outside 27000 to 32400 for 3 bars; rebuilt from 30000 to 35400", recentred.Reason.Replace(".0", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_the_exits_of_retired_rungs_until_their_inventory_is_gone()
    {
        // arrange: the price falls through the buys, the grid recentres lower, then the price comes back
        var harness = new GridHarness(Recentring);
        harness.Bar(30_000m);
        foreach (var price in new[] { 29_400m, 28_800m, 28_200m, 27_600m, 27_000m })
        {
            harness.Fill(harness.OpenAt(OrderSide.Buy, price).ClientOrderId);
        }

        harness.Bars(3, 26_000m);
        harness.ConfirmCancels();
        var retired = harness.State.Cells.Where(c => c.Retired).ToArray();

        // act: the price recovers to 30,100 and every old take-profit fills
        foreach (var price in new[] { 27_600m, 28_200m, 28_800m, 29_400m, 30_000m })
        {
            harness.Fill(harness.OpenAt(OrderSide.Sell, price).ClientOrderId);
        }

        // assert
        Assert.NotEmpty(retired);
        Assert.All(retired, c => Assert.Equal(GridOrderRole.Exit, c.Order!.Role));
        Assert.DoesNotContain(harness.State.Cells, c => c.Retired);
        Assert.Equal(5, harness.State.RoundTrips);
        Assert.Equal(3m, harness.State.RealizedPnl);
    }

    [Fact]
    public void Should_serve_kept_exits_first_and_the_entries_nearest_the_price_next_when_the_order_cap_binds()
    {
        // arrange: at most 9 orders; every buy fills on the way down to 26,000
        var harness = new GridHarness(Recentring with { MaxOpenOrders = 9 });
        harness.Bar(30_000m);
        foreach (var price in new[] { 29_400m, 28_800m, 28_200m, 27_600m, 27_000m })
        {
            var buy = harness.OpenAt(OrderSide.Buy, price).ClientOrderId;
            harness.Fill(buy);
            harness.Open.Remove(buy);
        }

        var exits = harness.Open.Values.Where(o => o.ReduceOnly).Select(o => o.ClientOrderId).ToHashSet();

        // act: recentre around 26,000 (levels 22,800 to 28,200); the venue confirms the cancelled short entries; next bar
        harness.Bars(3, 26_000m);
        var capped = harness.Open.Count;
        harness.ConfirmCancels();
        var afterCancels = GridHarness.Placed(harness.Bar(26_000m));

        // assert: five take-profits stay; four of the seven new entries fit, nearest 26,000 first
        Assert.Equal(9, capped); // the five exits and four short entries still being cancelled
        Assert.Equal(5, exits.Count);
        Assert.Subset(harness.Open.Keys.ToHashSet(), exits);
        Assert.Equal([(OrderSide.Buy, 25_800m), (OrderSide.Buy, 25_200m), (OrderSide.Sell, 27_000m), (OrderSide.Buy, 24_600m)], afterCancels.Select(o => (o.Side, o.Price!.Value)));
        Assert.Equal(9, harness.Open.Count);
    }

    [Theory]
    [InlineData(60, 0.002)]
    [InlineData(600, 0.02)]
    [InlineData(6_000, 0.05)]
    [InlineData(3, 0.002)]
    public void Should_adapt_the_spacing_to_the_volatility_within_its_bounds(int barRange, double expected)
    {
        // arrange: spacing = 2 × k × ATR / ((levels − 1) × price) = 2 × 2 × ATR / (4 × 30,000)
        var settings = GridSettings.Default with
        {
            RangeSource = GridRangeSource.Volatility,
            VolatilityWindow = 3,
            VolatilityMultiplier = 2m,
            LevelCount = 5,
            NotionalPerLevel = 100m,
        };
        var harness = new GridHarness(settings) { Equity = 100_000m };
        var half = barRange / 2m;

        // act
        var warming = Enumerable.Range(0, 2).Select(_ => harness.Bar(30_000m, 30_000m + half, 30_000m - half, 30_000m)).ToArray();
        var started = harness.Bar(30_000m, 30_000m + half, 30_000m - half, 30_000m);

        // assert
        Assert.All(warming, d => Assert.True(d.IsEmpty));
        Assert.Equal((decimal)expected, GridHarness.Single<GridStarted>(started).Plan.Spacing);
    }

    [Fact]
    public void Should_measure_realized_volatility_over_its_window_with_the_domain_indicator()
    {
        // arrange
        var settings = GridSettings.Default with
        {
            RangeSource = GridRangeSource.Volatility,
            VolatilitySource = GridVolatilitySource.RealizedVolatility,
            VolatilityWindow = 4,
            VolatilityMultiplier = 3m,
            LevelCount = 6,
            NotionalPerLevel = 100m,
        };
        var closes = new[] { 30_000m, 30_150m, 29_910m, 30_240m, 30_000m };
        var reference = new Rari.Domain.Indicators.RealizedVolatility(4, TimeSpan.FromMinutes(1));
        foreach (var close in closes)
        {
            reference.Update(close);
        }

        var expected = Math.Clamp(decimal.Round((decimal)(2 * 3 * reference.Value * Math.Sqrt(4) / 5), 6), 0.002m, 0.05m);
        var harness = new GridHarness(settings);

        // act
        var decisions = closes.Select(c => harness.Bar(c)).ToArray();

        // assert
        Assert.All(decisions[..4], d => Assert.True(d.IsEmpty));
        Assert.Equal(expected, GridHarness.Single<GridStarted>(decisions[4]).Plan.Spacing);
        Assert.InRange(expected, 0.0021m, 0.0499m);
    }

    [Fact]
    public void Should_start_on_the_first_kline_when_warm_up_already_fed_the_indicator()
    {
        // arrange
        var settings = GridSettings.Default with { RangeSource = GridRangeSource.Volatility, VolatilityWindow = 5, LevelCount = 5, NotionalPerLevel = 100m };
        var harness = new GridHarness(settings);
        harness.Strategy.WarmUp(Rari.TestKit.TestKlines.RandomWalk(3, harness.Now - (10 * GridHarness.BarMs), 10, 30_000m, 0.1m));

        // act
        var decision = harness.Bar(30_000m);

        // assert
        Assert.IsType<GridStarted>(decision.Events[0]);
    }

    [Fact]
    public void Should_rebuild_on_a_new_lattice_when_the_volatility_spacing_changed()
    {
        // arrange
        var settings = GridSettings.Default with
        {
            RangeSource = GridRangeSource.Volatility,
            VolatilityWindow = 2,
            VolatilityMultiplier = 2m,
            LevelCount = 5,
            NotionalPerLevel = 100m,
            RecentreAfterBars = 2,
            StopLossDistance = null,
        };
        var harness = new GridHarness(settings);
        harness.Bar(30_000m, 30_030m, 29_970m, 30_000m);
        harness.Bar(30_000m, 30_030m, 29_970m, 30_000m);
        var firstSpacing = harness.State.Spacing;
        var oldOrders = harness.Open.Keys.ToHashSet();

        // act: a wild move far above the range (true ranges 1,600 then 1,200)
        harness.Bar(31_000m, 31_600m, 30_400m, 31_000m);
        var decision = harness.Bar(31_000m, 31_600m, 30_400m, 31_000m);

        // assert
        var recentred = GridHarness.Single<GridRecentred>(decision);
        Assert.Equal(0.002m, firstSpacing);
        Assert.Equal(0.032742m, recentred.Plan.Spacing); // ATR (830 + 1,200) / 2 = 1,015; 2 × 2 × 1,015 / (4 × 31,000)
        Assert.Equal(oldOrders, GridHarness.Cancelled(decision).ToHashSet());
        Assert.DoesNotContain(recentred.Plan.Cells, p => harness.Journal.OfType<GridStarted>().Single().Plan.Cells.Any(old => old.Id == p.Id));
    }

    private static void FillShorts(GridHarness harness)
    {
        foreach (var price in new[] { 30_600m, 31_200m, 31_800m, 32_400m })
        {
            harness.Fill(harness.OpenAt(OrderSide.Sell, price).ClientOrderId);
            harness.Open.Remove(harness.Open.Values.Single(o => o.Side == OrderSide.Sell && o.Price == price).ClientOrderId);
        }
    }
}
