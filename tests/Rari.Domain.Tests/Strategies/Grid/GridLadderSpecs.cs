using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridLadderSpecs
{
    [Fact]
    public void Should_show_each_rung_resting_filled_or_skipped_with_the_levels_of_the_running_grid()
    {
        // arrange: a grid around 30,000; the buy at 29,400 fills, the one at 28,800 is refused by the venue
        var harness = new GridHarness();
        harness.Bar(30_000m);
        harness.Fill(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId);
        harness.Rejected(harness.OpenAt(OrderSide.Buy, 28_800m).ClientOrderId);

        // act
        var ladder = GridLadder.Of(harness.State);

        // assert
        Assert.Equal(GridPhase.Running, ladder.Phase);
        Assert.Equal(harness.State.Levels.Count, ladder.Levels.Count);
        Assert.Equal(ladder.Rungs.OrderBy(r => r.EntryPrice), ladder.Rungs);
        var filled = Assert.Single(ladder.Rungs, r => r.EntryPrice == 29_400m && r.EntrySide == OrderSide.Buy);
        Assert.Equal((GridRungStatus.Filled, 30_000m, 0.001m), (filled.Status, filled.ExitPrice, filled.Holding)); // <--
        Assert.Equal(GridRungStatus.Skipped, Assert.Single(ladder.Rungs, r => r.EntryPrice == 28_800m && r.EntrySide == OrderSide.Buy).Status);
        Assert.Contains(ladder.Rungs, r => r.Status == GridRungStatus.Resting && r.EntrySide == OrderSide.Sell);
        Assert.Equal(0.001m, ladder.Inventory);
    }

    [Fact]
    public void Should_read_a_grid_ladder_only_from_grid_states_and_a_hybrid_whose_active_leg_is_the_grid()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var volatility = new Domain.Strategies.Volatility.VolatilityState(new("vol"), harness.State.Symbol);
        var core = new HybridState(new("hybrid"), harness.State.Symbol);

        // act
        var own = GridLadder.From(harness.State);
        var inactive = GridLadder.From(new HybridSnapshot(core, harness.State, volatility));
        var active = GridLadder.From(new HybridSnapshot(core with { Active = HybridLeg.Grid }, harness.State, volatility));
        var none = GridLadder.From(volatility);

        // assert
        Assert.NotNull(own);
        Assert.Null(inactive); // <-- an idle hybrid draws no grid
        Assert.Equal(own!.Rungs, active!.Rungs);
        Assert.Null(none);
    }
}
