using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridLevelSpecs
{
    [Fact]
    public void Should_space_arithmetic_levels_by_equal_price_steps_around_the_price()
    {
        // arrange
        var harness = new GridHarness();

        // act
        var started = GridHarness.Single<GridStarted>(harness.Bar(30_000m));

        // assert
        Assert.Equal(
            [27_000m, 27_600m, 28_200m, 28_800m, 29_400m, 30_000m, 30_600m, 31_200m, 31_800m, 32_400m],
            started.Plan.Levels); // <--
        Assert.Equal(0.02m, started.Plan.Spacing);
        Assert.Equal(27_000m, started.Plan.Lower);
        Assert.Equal(32_400m, started.Plan.Upper);
        Assert.Equal(9, started.Plan.Cells.Count);
    }

    [Fact]
    public void Should_space_geometric_levels_by_equal_ratios_rounded_to_the_nearest_tick()
    {
        // arrange: 10 % steps around 1,000 on a 0.01 tick
        var settings = GridSettings.Default with { LevelCount = 5, Spacing = 0.1m, SpacingMode = GridSpacingMode.Geometric };
        var harness = new GridHarness(settings, TestInstruments.SolUsdt);

        // act
        var started = GridHarness.Single<GridStarted>(harness.Bar(1_000m));

        // assert: 1000 / 1.21 = 826.446..., 1000 / 1.1 = 909.0909...
        Assert.Equal([826.45m, 909.09m, 1_000m, 1_100m, 1_210m], started.Plan.Levels);
    }

    [Fact]
    public void Should_place_explicit_geometric_levels_at_the_exact_ratio_between_the_bounds()
    {
        // arrange
        var settings = GridSettings.Default with
        {
            RangeSource = GridRangeSource.Explicit,
            SpacingMode = GridSpacingMode.Geometric,
            LowerPrice = 100m,
            UpperPrice = 1_600m,
            LevelCount = 5,
        };
        var harness = new GridHarness(settings, TestInstruments.SolUsdt);

        // act
        var started = GridHarness.Single<GridStarted>(harness.Bar(500m));

        // assert
        Assert.Equal([100m, 200m, 400m, 800m, 1_600m], started.Plan.Levels);
        Assert.Equal(2m, started.Plan.Layout.Step);
        Assert.Equal(1m, started.Plan.Spacing);
    }

    [Fact]
    public void Should_place_explicit_arithmetic_levels_evenly_and_round_them_to_the_tick()
    {
        // arrange: (30,000 − 29,000) / 6 = 166.666...
        var settings = GridSettings.Default with
        {
            RangeSource = GridRangeSource.Explicit,
            SpacingMode = GridSpacingMode.Arithmetic,
            LowerPrice = 29_000m,
            UpperPrice = 30_000m,
            LevelCount = 7,
        };
        var harness = new GridHarness(settings);

        // act
        var started = GridHarness.Single<GridStarted>(harness.Bar(29_500m));

        // assert
        Assert.Equal([29_000m, 29_166.7m, 29_333.3m, 29_500m, 29_666.7m, 29_833.3m, 30_000m], started.Plan.Levels);
    }

    [Fact]
    public void Should_size_each_rung_at_its_entry_price_rounded_down_to_the_step()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 100m });

        // act
        var cells = GridHarness.Single<GridStarted>(harness.Bar(30_000m)).Plan.Cells;

        // assert: long rungs buy at their lower level, short rungs sell at their upper level
        Assert.Equal(
            [
                (GridCellKind.Long, 27_000m, 0.003m), (GridCellKind.Long, 27_600m, 0.003m), (GridCellKind.Long, 28_200m, 0.003m),
                (GridCellKind.Long, 28_800m, 0.003m), (GridCellKind.Long, 29_400m, 0.003m), (GridCellKind.Short, 30_600m, 0.003m),
                (GridCellKind.Short, 31_200m, 0.003m), (GridCellKind.Short, 31_800m, 0.003m), (GridCellKind.Short, 32_400m, 0.003m),
            ],
            cells.Select(c => (c.Kind, c.EntryPrice, c.Quantity)));
    }

    [Theory]
    [InlineData(GridDirection.Neutral, new[] { 27_000, 27_600, 28_200, 28_800, 29_400 }, new[] { 30_600, 31_200, 31_800, 32_400 })]
    [InlineData(GridDirection.Long, new[] { 27_000, 27_600, 28_200, 28_800, 29_400 }, new int[0])]
    [InlineData(GridDirection.Short, new int[0], new[] { 30_600, 31_200, 31_800, 32_400, 33_000 })]
    public void Should_place_the_initial_orders_the_direction_calls_for(GridDirection direction, int[] buys, int[] sells)
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { Direction = direction });

        // act
        harness.Bar(30_000m);

        // assert
        Assert.Equal(buys.Select(p => (decimal)p), harness.OpenPrices(OrderSide.Buy));
        Assert.Equal(sells.Select(p => (decimal)p), harness.OpenPrices(OrderSide.Sell));
        Assert.All(harness.Open.Values, o => Assert.Equal(TimeInForce.Gtc, o.TimeInForce));
        Assert.All(harness.Open.Values, o => Assert.False(o.ReduceOnly));
    }

    [Fact]
    public void Should_compute_lattice_prices_exactly_in_decimal()
    {
        // arrange
        var layout = new GridLayout(GridSpacingMode.Geometric, 100m, 1.5m, -2, 5);

        // act
        var raw = Enumerable.Range(layout.FirstIndex, layout.LevelCount).Select(layout.RawPrice).ToArray();
        var rounded = Enumerable.Range(layout.FirstIndex, layout.LevelCount).Select(k => layout.Price(k, TestInstruments.SolUsdt)).ToArray();

        // assert: 100 / 2.25 = 44.444..., 100 / 1.5 = 66.666...
        Assert.Equal(100m, raw[2]);
        Assert.Equal(225m, raw[4]);
        Assert.Equal([44.44m, 66.67m, 100m, 150m, 225m], rounded);
        Assert.Equal(0.5m, layout.RelativeSpacing);
        Assert.Equal(-1, layout.Shifted(1).FirstIndex);
        Assert.Equal(3, layout.Shifted(1).LastIndex);
    }

    [Fact]
    public void Should_keep_every_level_on_the_tick_and_strictly_increasing_for_many_random_grids()
    {
        // arrange
        var random = new Random(20240101);
        for (var run = 0; run < 300; run++)
        {
            var instrument = TestInstruments.All[random.Next(TestInstruments.All.Count)];
            var price = TestInstruments.TypicalPrice(instrument) * (decimal)(0.5 + random.NextDouble());
            var settings = GridSettings.Default with
            {
                LevelCount = random.Next(2, 40),
                Spacing = random.Next(3, 400) / 10_000m,
                SpacingMode = random.Next(2) == 0 ? GridSpacingMode.Arithmetic : GridSpacingMode.Geometric,
                Direction = (GridDirection)random.Next(1, 4),
                NotionalPerLevel = 1_000m,
                StopLossDistance = null,
            };
            var harness = new GridHarness(settings, instrument);
            harness.Equity = 10_000_000m;

            // act
            var decision = harness.Bar(instrument.RoundPrice(price, Rari.Domain.Instruments.TickRounding.Nearest));

            // assert
            var started = decision.Events.OfType<GridStarted>().SingleOrDefault();
            if (started is null)
            {
                Assert.IsType<GridRefused>(Assert.Single(decision.Events));
                continue;
            }

            var levels = started.Plan.Levels;
            Assert.Equal(settings.LevelCount, levels.Count);
            for (var i = 0; i < levels.Count; i++)
            {
                Assert.True(instrument.PriceFilter.IsOnTick(levels[i]), $"{levels[i]} is off the tick of {instrument.Symbol}");
                if (i > 0)
                {
                    Assert.True(levels[i] > levels[i - 1], $"levels {levels[i - 1]} and {levels[i]} do not increase");
                }
            }

            Assert.All(started.Plan.Cells, c => Assert.Equal(c.Quantity, instrument.RoundQuantityDown(c.Quantity)));
        }
    }
}
